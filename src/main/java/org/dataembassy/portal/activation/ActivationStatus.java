package org.dataembassy.portal.activation;

/**
 * Where an emergency activation stands. TRIGGERED: the treaty rules are being asked; VOTING: the committee
 * votes; ACTIVATING: quorum reached, host state notified, key unsealed and datasets restored in turn; ACTIVE:
 * served from the embassy site; STANDING_DOWN: a stand-down vote is open (still served); DEACTIVATING: the
 * stand-down quorum is reached; STOOD_DOWN, DENIED (treaty rules), REJECTED (committee) are final.
 */
public enum ActivationStatus {
    TRIGGERED, VOTING, ACTIVATING, ACTIVE, STANDING_DOWN, DEACTIVATING, STOOD_DOWN, DENIED, REJECTED;

    public boolean isFinal() {
        return this == STOOD_DOWN || this == DENIED || this == REJECTED;
    }

    /** Whether the embassy serves the activated datasets in this status. */
    public boolean serving() {
        return this == ACTIVE || this == STANDING_DOWN;
    }
}
