package org.dataembassy.portal.replication.keys;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dataembassy.portal.replication.DuplicateShareException;
import org.dataembassy.portal.replication.InsufficientSharesException;
import org.dataembassy.portal.replication.InvalidShareException;
import org.dataembassy.portal.replication.WrongKeyException;

/**
 * Splits a KEK into M-of-N shares and unseals it from any M. Unsealing verifies share
 * checksums, that all shares come from one split, that no index repeats, that at least M are
 * given, and that the recombined key matches the fingerprint carried by the shares (and, when
 * given, the state's recorded fingerprint).
 */
public final class KekSharing {
    private KekSharing() {
    }

    public static List<KekShare> split(Kek kek, int m, int n) {
        SecureRandom random = new SecureRandom();
        byte[] setId = new byte[8];
        random.nextBytes(setId);
        byte[] fp = Arrays.copyOf(kek.fingerprint(), 8);
        byte[][] payloads = Shamir.split(kek.bytes(), m, n, random);
        List<KekShare> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new KekShare(m, n, i + 1, setId, fp, payloads[i]));
        }
        return shares;
    }

    /** Unseals from share texts. {@code expectedFingerprint} may be null. */
    public static Kek unseal(List<String> shareTexts, byte[] expectedFingerprint) {
        List<KekShare> shares = shareTexts.stream().map(KekShare::parse).toList();
        if (shares.isEmpty()) {
            throw new InsufficientSharesException("no shares given");
        }
        KekShare first = shares.get(0);
        Set<Integer> seen = new HashSet<>();
        for (KekShare s : shares) {
            if (!s.sameSplit(first)) {
                throw new InvalidShareException("share " + s.index() + " belongs to a different split or key");
            }
            if (!seen.add(s.index())) {
                throw new DuplicateShareException("share index " + s.index() + " given more than once");
            }
        }
        if (shares.size() < first.threshold()) {
            throw new InsufficientSharesException("need " + first.threshold() + " distinct shares, got " + shares.size());
        }
        int[] xs = shares.stream().mapToInt(KekShare::index).toArray();
        byte[][] ys = shares.stream().map(KekShare::payload).toArray(byte[][]::new);
        Kek kek = new Kek(Shamir.combine(xs, ys));
        byte[] fp = kek.fingerprint();
        if (!MessageDigest.isEqual(Arrays.copyOf(fp, 8), first.fingerprintPrefix())) {
            throw new WrongKeyException("recombined key does not match the shares' fingerprint: a share is wrong");
        }
        if (expectedFingerprint != null && !MessageDigest.isEqual(fp, expectedFingerprint)) {
            throw new WrongKeyException("recombined key is not this state's KEK");
        }
        return kek;
    }
}
