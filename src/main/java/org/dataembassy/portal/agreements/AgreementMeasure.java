package org.dataembassy.portal.agreements;

/** What a jurisdiction review may impose on an agreement's published terms. */
public enum AgreementMeasure {
    /** {@code terms.restrictions.new_transfers_require_review}: every new transfer goes to a legal officer. */
    RESTRICT,
    /** {@code terms.lifecycle.status = SUSPENDED}: the treaty rules deny transfers (AGREEMENT_NOT_IN_FORCE). */
    SUSPEND
}
