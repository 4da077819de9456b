package org.dataembassy.portal.replication.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.dataembassy.portal.replication.crypto.Hashes;

/**
 * Byte flips and truncations of one object at a hostile site, each on a fresh copy of the object and
 * judged by a {@link ReaderProbe}. Packs, indexes and manifests are content addressed, but the name is a
 * keyless hash: a broken site leaves the altered bytes under the old name ("in place"), a hostile one
 * stores them under their new hash and removes the original ("re-addressed"), which takes the hash check
 * out of the way and leaves authentication and parsing as the defence. Key bundles are named by
 * generation and KEK fingerprint, so they are altered in place only. A truncated content-addressed
 * object is also tried in place with the site still reporting its old size, as a lying server would or
 * one whose object changed between a reader's size check and its read.
 */
final class FlipSweep {
    /** Objects up to this size have every byte flipped; larger ones a dense sample. */
    static final int EVERY_BYTE_LIMIT = 64 * 1024;
    private final HostileSite site;
    private final ReaderProbe probe;
    private final String ds;

    FlipSweep(HostileSite site, ReaderProbe probe, String ds) {
        this.site = site;
        this.probe = probe;
        this.ds = ds;
    }

    /**
     * Which bytes to flip: every byte of the first and last {@code edge} bytes and every {@code stride}-th
     * byte between. {@link #full} flips every byte of objects up to 64 KiB and, above, every byte of the
     * first and last 4 KiB plus every 61st.
     */
    record Sampling(int edge, int stride) {
        static final Sampling FULL = new Sampling(-1, 1);

        int[] positions(int length) {
            int e = edge >= 0 ? edge : length > EVERY_BYTE_LIMIT ? 4096 : length;
            int s = edge >= 0 ? stride : length > EVERY_BYTE_LIMIT ? 61 : 1;
            return IntStream.range(0, length).filter(i -> i < e || i >= length - e || i % s == 0).toArray();
        }
    }

    /** Byte {@code i} is XORed with one bit, cycling through the eight positions along the object. */
    static byte mask(int i) {
        return (byte) (1 << (i % 8));
    }

    void flips(String name, boolean addressed, Sampling sampling, SweepTally tally) {
        byte[] original = site.read(name);
        int[] at = sampling.positions(original.length);
        tally.fact("objectBytes", original.length).fact("positionsFlipped", at.length);
        for (int i : at) {
            byte[] flipped = original.clone();
            flipped[i] ^= mask(i);
            tally.add(name + " byte " + i + " in place", alter(name, flipped, i, false));
            if (addressed) {
                tally.add(name + " byte " + i + " re-addressed", alter(name, flipped, i, true));
            }
        }
    }

    /** Truncations of {@code name} to every length of {@link #truncationLengths}. */
    void truncations(String name, boolean addressed, List<Integer> headers, SweepTally tally) {
        byte[] original = site.read(name);
        for (int length : truncationLengths(original.length, headers)) {
            byte[] cut = Arrays.copyOf(original, length);
            // the first missing byte: only a whole-object read "covers" it, by taking the cut object for complete
            tally.add(name + " cut to " + length + " in place", alter(name, cut, length, false, -1));
            if (addressed) {
                tally.add(name + " cut to " + length + " re-addressed", alter(name, cut, length, true, -1));
                tally.add(name + " cut to " + length + " in place, old size still reported",
                        alter(name, cut, length, false, original.length));
            }
        }
    }

    /** 0, 1, each header size - 1 and itself, half, length - 1 and every power of two, all below {@code length}. */
    static List<Integer> truncationLengths(int length, List<Integer> headers) {
        TreeSet<Integer> out = new TreeSet<>(List.of(0, 1, length / 2, length - 1));
        for (int h : headers) {
            out.add(h - 1);
            out.add(h);
        }
        for (int p = 1; p < length; p <<= 1) {
            out.add(p);
        }
        return new ArrayList<>(out.headSet(length).tailSet(0));
    }

    private ReaderProbe.Verdict alter(String name, byte[] bytes, long firstAltered, boolean readdress) {
        return alter(name, bytes, firstAltered, readdress, -1);
    }

    /** {@code claimedSize} &ge; 0: the site answers size queries for the object with it (a lying or racing site). */
    private ReaderProbe.Verdict alter(String name, byte[] bytes, long firstAltered, boolean readdress, long claimedSize) {
        SiteEdits edits = new SiteEdits(site);
        String at = readdress ? name.substring(0, name.lastIndexOf('/') + 1) + Hashes.sha256Hex(bytes) : name;
        try {
            if (readdress) {
                edits.remove(name);
            }
            edits.put(at, bytes);
            return probe.probe(ds, new ReaderProbe.Tampering(at, firstAltered), claimedSize);
        } finally {
            edits.undo();
        }
    }
}
