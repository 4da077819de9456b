package org.dataembassy.portal.replication.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer for the replication format structures. */
public final class BinaryWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public BinaryWriter magic(String magic, int version) {
        out.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
        return u8(version);
    }

    public BinaryWriter u8(int v) {
        out.write(v);
        return this;
    }

    public BinaryWriter i32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public BinaryWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    public BinaryWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** u16 length then bytes. */
    public BinaryWriter bytes16(byte[] bytes) {
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("field too long: " + bytes.length);
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        return raw(bytes);
    }

    /** i32 length then bytes. */
    public BinaryWriter bytes32(byte[] bytes) {
        return i32(bytes.length).raw(bytes);
    }

    public BinaryWriter string(String s) {
        return bytes16(s.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
