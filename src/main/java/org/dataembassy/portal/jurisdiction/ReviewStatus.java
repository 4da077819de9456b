package org.dataembassy.portal.jurisdiction;

/** Where a jurisdiction review stands. */
public enum ReviewStatus {
    /** Started; the treaty's jurisdiction checks are running (or waiting for OPA). */
    CHECKING,
    /** Findings recorded; a legal officer assesses. */
    IN_ASSESSMENT,
    /** Evacuation decided; a security officer confirms. */
    AWAITING_CONFIRMATION,
    /** The outcome is being carried out (restriction, evacuation, suspension). */
    APPLYING,
    /** Outcome recorded and the parties notified. */
    CLOSED
}
