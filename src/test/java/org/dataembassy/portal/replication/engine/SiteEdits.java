package org.dataembassy.portal.replication.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Changes to a hostile site that remember what was there, so each tampering starts from the pristine site. */
final class SiteEdits {
    private final HostileSite site;
    /** Object name to its bytes before the first edit, or null if it did not exist. */
    private final Map<String, byte[]> before = new LinkedHashMap<>();

    SiteEdits(HostileSite site) {
        this.site = site;
    }

    void put(String name, byte[] bytes) {
        remember(name);
        site.write(name, bytes);
    }

    void remove(String name) {
        remember(name);
        site.remove(name);
    }

    void undo() {
        before.forEach((name, bytes) -> {
            if (bytes == null) {
                site.remove(name);
            } else {
                site.write(name, bytes);
            }
        });
        before.clear();
    }

    private void remember(String name) {
        if (!before.containsKey(name)) {
            before.put(name, site.store().exists(name) ? site.read(name) : null);
        }
    }
}
