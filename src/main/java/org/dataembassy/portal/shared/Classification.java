package org.dataembassy.portal.shared;

/** Security classification of a dataset, lowest first. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    RESTRICTED,
    CONFIDENTIAL,
    SECRET,
    TOP_SECRET;
}
