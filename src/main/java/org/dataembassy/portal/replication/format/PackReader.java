package org.dataembassy.portal.replication.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;

/** Reads and authenticates a pack's header. */
public final class PackReader {
    private PackReader() {
    }

    public static List<PackEntry> header(byte[] pack, DataCipher cipher, String objectName) {
        BinaryReader tail = new BinaryReader(pack.length >= 4 ? Arrays.copyOfRange(pack, pack.length - 4, pack.length) : pack, objectName);
        int headerLength = tail.i32();
        if (headerLength <= 0 || headerLength > pack.length - 4) {
            throw tail.fail("bad pack header length " + headerLength);
        }
        int headerStart = pack.length - 4 - headerLength;
        byte[] sealed = Arrays.copyOfRange(pack, headerStart, pack.length - 4);
        byte[] plain = cipher.open(ObjectType.PACK_HEADER, new byte[0], sealed, objectName);
        BinaryReader r = new BinaryReader(plain, objectName);
        r.magic("DEPH", 1);
        int count = r.count(r.remaining() / 44, "entry count");
        List<PackEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PackEntry e = new PackEntry(Hashes.hex(r.raw(32)), r.i32(), r.i32(), r.i32());
            if (e.offset() < 0 || e.length() < 0 || e.rawLength() < 0 || (long) e.offset() + e.length() > headerStart) {
                throw r.fail("pack entry outside pack body");
            }
            entries.add(e);
        }
        r.end();
        return entries;
    }
}
