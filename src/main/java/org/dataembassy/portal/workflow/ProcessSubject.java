package org.dataembassy.portal.workflow;

import java.util.List;

/**
 * What a process instance is about, as the module owning its business key describes it.
 *
 * @param owner   the person who asked for it (a data owner may see the processes they own); null if nobody
 * @param details business-friendly facts for the process page, in display order; only what the owning module
 *                documents as shown to everyone who may see the process (no secrets, no key material, no paths)
 */
public record ProcessSubject(String owner, List<ProcessDetail> details) {

    public ProcessSubject {
        details = List.copyOf(details);
    }
}
