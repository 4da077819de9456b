package org.dataembassy.portal.replication.engine;

import java.util.List;
import java.util.function.Consumer;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.ObjectNames;

/**
 * Authentic objects put where they do not belong (associated-data binding): objects of dataset A under
 * dataset B's names (both datasets hold the same tree with objects of the same sizes, under different keys),
 * within A a pack copied over or renamed to another pack of identical layout, two blobs of one pack
 * exchanged, a manifest read as an index and back, and an older key generation presented as a newer one.
 * Each case starts from the pristine site and is judged by the {@link ReaderProbe} of the dataset read.
 */
final class SwapSweep {
    private final SweepFixture f;
    private final HostileSite site;
    private final ReaderProbe probe;
    private final SweepTally tally;

    SwapSweep(SweepFixture f, HostileSite site, ReaderProbe probe, SweepTally tally) {
        this.f = f;
        this.site = site;
        this.probe = probe;
        this.tally = tally;
    }

    void run() {
        String a = SweepFixture.A;
        String b = SweepFixture.B;
        for (int chunk : new int[] {0, 7, 11, 15}) { // the four packs holding big.bin
            String fromA = f.packHolding(site, a, "big.bin", chunk);
            String ofB = f.packHolding(site, b, "big.bin", chunk);
            swap(b, "pack of A over B's pack (chunk " + chunk + ")", e -> e.put(ofB, site.read(fromA)), ofB);
            String added = ObjectNames.packsPrefix(b) + ObjectNames.id(fromA);
            swap(b, "pack of A added to B under its own id (chunk " + chunk + ")", e -> e.put(added, site.read(fromA)), added);
        }
        for (String folder : List.of("index", "snapshots")) {
            String kind = folder.equals("index") ? "index" : "manifest";
            String fromA = only(ObjectNames.root(a) + folder + "/");
            String ofB = only(ObjectNames.root(b) + folder + "/");
            String underB = ObjectNames.root(b) + folder + "/" + ObjectNames.id(fromA);
            swap(b, kind + " of A over B's", e -> e.put(ofB, site.read(fromA)), ofB);
            swap(b, kind + " of A replacing B's under its own id", e -> {
                e.remove(ofB);
                e.put(underB, site.read(fromA));
            }, underB);
            swap(b, kind + " of A added to B under its own id", e -> e.put(underB, site.read(fromA)), underB);
        }
        String keysA = only(ObjectNames.keysPrefix(a));
        String keysB = only(ObjectNames.keysPrefix(b));
        swap(b, "key bundle of A as B's", e -> e.put(keysB, site.read(keysA)), keysB);
        String nextGeneration = ObjectNames.keysPrefix(a) + "00000002" + ObjectNames.id(keysA).substring(8);
        swap(a, "key bundle of generation 1 as generation 2", e -> e.put(nextGeneration, site.read(keysA)), nextGeneration);
        withinOneDataset(a);
    }

    private void withinOneDataset(String a) {
        String p2 = f.packHolding(site, a, "big.bin", 7);
        String p3 = f.packHolding(site, a, "big.bin", 11);
        swap(a, "pack copied over a pack of identical layout", e -> e.put(p3, site.read(p2)), p3);
        swap(a, "pack renamed to a pack of identical layout", e -> {
            e.put(p3, site.read(p2));
            e.remove(p2);
        }, p3);
        List<IndexEntry> blobs = f.blobsOf(site, a, p2);
        IndexEntry x = blobs.get(0);
        IndexEntry y = blobs.get(1);
        byte[] exchanged = site.read(p2);
        byte[] original = exchanged.clone();
        System.arraycopy(original, y.offset(), exchanged, x.offset(), y.length());
        System.arraycopy(original, x.offset(), exchanged, y.offset(), x.length());
        swap(a, "two blobs of equal size exchanged in a pack", e -> e.put(p2, exchanged), p2, x.offset());
        String index = only(ObjectNames.indexPrefix(a));
        String manifest = only(ObjectNames.snapshotsPrefix(a));
        String manifestAsIndex = ObjectNames.indexPrefix(a) + ObjectNames.id(manifest);
        String indexAsManifest = ObjectNames.snapshotsPrefix(a) + ObjectNames.id(index);
        swap(a, "manifest presented as an index", e -> e.put(manifestAsIndex, site.read(manifest)), manifestAsIndex);
        swap(a, "index presented as a manifest", e -> e.put(indexAsManifest, site.read(index)), indexAsManifest);
    }

    private String only(String prefix) {
        List<String> names = site.list(prefix);
        if (names.size() != 1) {
            throw new IllegalStateException("expected one object under " + prefix + ": " + names);
        }
        return names.get(0);
    }

    private void swap(String ds, String what, Consumer<SiteEdits> edit, String altered) {
        swap(ds, what, edit, altered, -1);
    }

    private void swap(String ds, String what, Consumer<SiteEdits> edit, String altered, long firstAltered) {
        SiteEdits edits = new SiteEdits(site);
        try {
            edit.accept(edits);
            tally.add(what, probe.probe(ds, new ReaderProbe.Tampering(altered, firstAltered)));
        } finally {
            edits.undo();
        }
    }
}
