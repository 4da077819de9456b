package org.dataembassy.portal.replication;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Evidence that one site no longer holds a dataset: how many objects and bytes were deleted there, the
 * site's listing of the dataset afterwards (empty when the evacuation is complete) and the evidence file in
 * the state folder. When no other site held the dataset, the dataset was also crypto-shredded everywhere
 * ({@code shred} non-null).
 *
 * @param remaining the dataset's object names still listed at the site after deleting; empty on success
 * @param shred     the crypto-shred evidence when the site held the last copy; null otherwise
 */
public record EvacuationEvidence(String datasetId, String site, Instant time, int objectsRemoved, long bytesRemoved,
                                 List<String> remaining, Path file, ShredEvidence shred) {

    public EvacuationEvidence {
        remaining = List.copyOf(remaining);
    }

    /** True when the site lists nothing of the dataset any more (and a shred, if any, reached every site). */
    public boolean complete() {
        return remaining.isEmpty() && (shred == null || shred.complete());
    }

    public EvacuationEvidence withShred(ShredEvidence evidence) {
        return new EvacuationEvidence(datasetId, site, time, objectsRemoved, bytesRemoved, remaining, file, evidence);
    }

    /** One line for audit entries and review records. */
    public String summary() {
        return "dataset " + datasetId + " at " + site + ": " + objectsRemoved + " objects (" + bytesRemoved
                + " bytes) deleted, " + (remaining.isEmpty() ? "listing empty" : remaining.size() + " objects still listed")
                + (shred == null ? "" : "; no other site held it: keys crypto-shredded"
                + (shred.complete() ? "" : " (INCOMPLETE: " + shred.pending().size() + " sites pending)"));
    }
}
