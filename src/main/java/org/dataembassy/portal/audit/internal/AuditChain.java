package org.dataembassy.portal.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditVerification;

/** The hash rule of the chain and its verification. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * SHA-256 over seq, time (epoch microseconds) and every text field, each length-prefixed so no two
     * different entries can encode to the same bytes, followed by the previous hash.
     */
    public static String hash(long seq, Instant at, String actor, String action, String subject, String outcome,
                              String details, String prevHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer numbers = ByteBuffer.allocate(16).putLong(seq)
                    .putLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
            sha.update(numbers.array());
            for (String field : new String[] {actor, action, subject, outcome, details, prevHash}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditVerification verify(AuditStore store) {
        List<String> problems = new ArrayList<>();
        // Read the head first and check the chain up to it: entries appended while we read are not our business.
        AuditStore.Head head = store.head();
        long[] expectedSeq = {1};
        String[] prev = {GENESIS};
        long checked = store.forEachInOrder(head.lastSeq(), e -> {
            if (e.seq() != expectedSeq[0]) {
                problems.add("entry " + expectedSeq[0] + (e.seq() > expectedSeq[0]
                        ? " to " + (e.seq() - 1) + " missing (deleted)" : " appears twice"));
            }
            if (!e.prevHash().equals(prev[0])) {
                problems.add("entry " + e.seq() + " does not link to the entry before it (inserted or reordered)");
            }
            String recomputed = hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.outcome(),
                    e.details(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                problems.add("entry " + e.seq() + " was altered after it was written");
            }
            expectedSeq[0] = e.seq() + 1;
            prev[0] = e.hash();
        });
        if (head.lastSeq() != expectedSeq[0] - 1 || !head.lastHash().equals(prev[0])) {
            problems.add("the chain ends at entry " + (expectedSeq[0] - 1) + " but the recorded head is entry "
                    + head.lastSeq() + " (entries removed from the end, or head altered)");
        }
        return new AuditVerification(checked, problems);
    }

    /** For tests and tools: an entry whose hash is valid. */
    public static AuditEntry entry(long seq, Instant at, String actor, String action, String subject, String outcome,
                                   String details, String prevHash) {
        return new AuditEntry(seq, at, actor, action, subject, outcome, details, prevHash,
                hash(seq, at, actor, action, subject, outcome, details, prevHash));
    }
}
