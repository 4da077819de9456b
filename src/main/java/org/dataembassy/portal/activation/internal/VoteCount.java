package org.dataembassy.portal.activation.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.dataembassy.portal.activation.ActivationVote;

/**
 * Counts one vote (one kind and round): distinct members approving in a role the agreement counts, and
 * distinct members rejecting. Reached at M approvals; failed once N − M + 1 members rejected, because the
 * remaining members can no longer make M.
 */
public record VoteCount(int approvals, int rejections, int m, int n) {

    public static VoteCount of(Collection<ActivationVote> votes, Collection<String> countedRoles, int m, int n) {
        Set<String> approving = new HashSet<>();
        Set<String> rejecting = new HashSet<>();
        for (ActivationVote v : votes) {
            if (v.approve() && countedRoles.contains(v.treatyRole())) {
                approving.add(v.member());
            } else if (!v.approve()) {
                rejecting.add(v.member());
            }
        }
        return new VoteCount(approving.size(), rejecting.size(), m, n);
    }

    public boolean reached() {
        return approvals >= m;
    }

    public boolean failed() {
        return !reached() && rejections >= n - m + 1;
    }

    @Override
    public String toString() {
        return approvals + " of " + m + " approvals needed, " + rejections + " rejections";
    }
}
