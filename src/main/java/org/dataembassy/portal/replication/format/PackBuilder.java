package org.dataembassy.portal.replication.format;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;

/** Accumulates sealed blobs and closes them into a pack with a sealed header. Not thread-safe. */
public final class PackBuilder {
    private final ByteArrayOutputStream body;
    private final List<PackEntry> entries = new ArrayList<>();

    public PackBuilder(int expectedSize) {
        this.body = new ByteArrayOutputStream(Math.max(1024, expectedSize + expectedSize / 8));
    }

    public void add(String chunkId, byte[] sealedBlob, int rawLength) {
        entries.add(new PackEntry(chunkId, body.size(), sealedBlob.length, rawLength));
        body.writeBytes(sealedBlob);
    }

    public int size() {
        return body.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A finished pack: content-hash id, bytes to store, entries. */
    public record Pack(String id, byte[] bytes, List<PackEntry> entries) {
    }

    public Pack finish(DataCipher cipher) {
        BinaryWriter header = new BinaryWriter().magic("DEPH", 1).i32(entries.size());
        for (PackEntry e : entries) {
            header.raw(Hashes.unhex(e.chunkId())).i32(e.offset()).i32(e.length()).i32(e.rawLength());
        }
        byte[] sealedHeader = cipher.seal(ObjectType.PACK_HEADER, new byte[0], header.toByteArray());
        body.writeBytes(sealedHeader);
        body.writeBytes(new BinaryWriter().i32(sealedHeader.length).toByteArray());
        byte[] bytes = body.toByteArray();
        return new Pack(Hashes.sha256Hex(bytes), bytes, List.copyOf(entries));
    }
}
