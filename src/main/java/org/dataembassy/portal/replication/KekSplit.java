package org.dataembassy.portal.replication;

import java.util.List;

/**
 * The state's KEK split into Shamir shares for a key ceremony: any {@code threshold} of the {@code shares}
 * unseal it. The share texts are secrets meant to be shown once and handed over; {@link #toString()} never
 * prints them.
 *
 * @param setId          identifies this split (every share carries it)
 * @param kekFingerprint SHA-256 fingerprint of the KEK (hex), what an unseal is verified against
 * @param shares         share texts in index order (index 1 first)
 */
public record KekSplit(String setId, String kekFingerprint, int threshold, List<String> shares) {

    public KekSplit {
        shares = List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "KekSplit[set " + setId + ", " + threshold + " of " + shares.size() + " shares]";
    }
}
