package org.dataembassy.portal.replication.format;

import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.replication.crypto.Hashes;

/** Plaintext encoding of index objects: {@code "DEIX" 1 count {chunkId packId offset length rawLength}*}. */
public final class IndexCodec {
    private static final int ENTRY = 32 + 32 + 12;

    private IndexCodec() {
    }

    public static byte[] encode(List<IndexEntry> entries) {
        BinaryWriter w = new BinaryWriter().magic("DEIX", 1).i32(entries.size());
        for (IndexEntry e : entries) {
            w.raw(Hashes.unhex(e.chunkId())).raw(Hashes.unhex(e.packId())).i32(e.offset()).i32(e.length()).i32(e.rawLength());
        }
        return w.toByteArray();
    }

    public static List<IndexEntry> decode(byte[] plain, String objectName) {
        BinaryReader r = new BinaryReader(plain, objectName);
        r.magic("DEIX", 1);
        int count = r.count(r.remaining() / ENTRY, "entry count");
        List<IndexEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IndexEntry e = new IndexEntry(Hashes.hex(r.raw(32)), Hashes.hex(r.raw(32)), r.i32(), r.i32(), r.i32());
            if (e.offset() < 0 || e.length() < 0 || e.rawLength() < 0) {
                throw r.fail("negative offset or length");
            }
            entries.add(e);
        }
        r.end();
        return entries;
    }
}
