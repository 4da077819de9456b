package org.dataembassy.portal.replication.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.dataembassy.portal.replication.InvalidShareException;
import org.dataembassy.portal.replication.crypto.Hashes;

/**
 * One Shamir share of a KEK, as text:
 * {@code deks1-M-N-index-setId-fingerprintPrefix-payload-checksum}. The checksum (first 8 bytes
 * of SHA-256 of everything before it) detects corrupted or mistyped shares; setId ties shares of
 * one split together; the fingerprint prefix lets recombination be verified.
 */
public record KekShare(int threshold, int total, int index, byte[] setId, byte[] fingerprintPrefix, byte[] payload) {
    private static final String PREFIX = "deks1";
    private static final HexFormat HEX = HexFormat.of();

    public String format() {
        String body = PREFIX + "-" + threshold + "-" + total + "-" + index + "-" + HEX.formatHex(setId) + "-"
                + HEX.formatHex(fingerprintPrefix) + "-" + HEX.formatHex(payload);
        return body + "-" + checksum(body);
    }

    public static KekShare parse(String text) {
        String t = text.trim();
        String[] parts = t.split("-");
        if (parts.length != 8 || !parts[0].equals(PREFIX)) {
            throw new InvalidShareException("not a KEK share (expected deks1-M-N-i-set-fp-payload-checksum)");
        }
        String body = t.substring(0, t.lastIndexOf('-'));
        if (!checksum(body).equals(parts[7])) {
            throw new InvalidShareException("share checksum mismatch (corrupted or mistyped share): " + shortText(t));
        }
        try {
            int m = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(parts[2]);
            int index = Integer.parseInt(parts[3]);
            byte[] payload = HEX.parseHex(parts[6]);
            if (m < 2 || n < m || n > 255 || index < 1 || index > n || payload.length != Kek.LENGTH) {
                throw new InvalidShareException("share fields out of range: " + shortText(t));
            }
            return new KekShare(m, n, index, HEX.parseHex(parts[4]), HEX.parseHex(parts[5]), payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidShareException("malformed share: " + shortText(t));
        }
    }

    boolean sameSplit(KekShare other) {
        return threshold == other.threshold && total == other.total && Arrays.equals(setId, other.setId)
                && Arrays.equals(fingerprintPrefix, other.fingerprintPrefix);
    }

    private static String checksum(String body) {
        return HEX.formatHex(Arrays.copyOf(Hashes.sha256(body.getBytes(StandardCharsets.US_ASCII)), 8));
    }

    private static String shortText(String t) {
        return t.length() <= 24 ? t : t.substring(0, 24) + "...";
    }

    @Override
    public String toString() {
        return "KekShare[" + index + " of " + total + ", threshold " + threshold + "]";
    }
}
