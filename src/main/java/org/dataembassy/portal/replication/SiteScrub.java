package org.dataembassy.portal.replication;

import java.util.List;

/**
 * Scrub result of one site: objects read and authenticated, damaged objects (fail hash,
 * authentication, signature or format), missing objects (referenced, or present at another
 * site, but absent here). {@code error} is set when the site was unreachable.
 */
public record SiteScrub(String site, long objectsChecked, long bytesChecked, List<ObjectProblem> damaged,
                        List<String> missing, String error) {
    public boolean clean() {
        return error == null && damaged.isEmpty() && missing.isEmpty();
    }
}
