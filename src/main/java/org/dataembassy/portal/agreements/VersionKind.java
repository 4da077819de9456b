package org.dataembassy.portal.agreements;

/** How a version came to be. */
public enum VersionKind {
    /** Imported from the policy folder the portal shipped with, on first start. */
    SEED,
    /** The first draft of an agreement created in the portal. */
    NEW,
    /** A legal officer's change of an earlier version. */
    EDIT,
    /** A copy of an earlier published version, to be reviewed and published again. */
    ROLLBACK,
    /** A measure of a jurisdiction review (restriction, suspension) published by the system on the assessor's decision. */
    JURISDICTION
}
