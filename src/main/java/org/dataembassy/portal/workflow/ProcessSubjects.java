package org.dataembassy.portal.workflow;

import java.util.Optional;

/**
 * Implemented by each module that starts processes (a Spring bean): describes the subject behind a business key it
 * owns (e.g. {@code transfer:<id>}). Called by {@link ProcessInstances} only after the caller's roles were checked.
 */
public interface ProcessSubjects {

    /** The subject behind this business key, or empty when the key is not this module's or names nothing. */
    Optional<ProcessSubject> describe(String businessKey);
}
