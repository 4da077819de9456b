package org.dataembassy.portal.replication.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dataembassy.portal.replication.FormatException;

/**
 * Bounds-checked big-endian reader. Every malformed input ends in a {@link FormatException}
 * naming the object; no read allocates more than the remaining input.
 */
public final class BinaryReader {
    private final byte[] data;
    private final String what;
    private int pos;

    public BinaryReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    public int magic(String magic, int maxVersion) {
        byte[] m = raw(magic.length());
        if (!Arrays.equals(m, magic.getBytes(StandardCharsets.US_ASCII))) {
            throw fail("bad magic");
        }
        int version = u8();
        if (version < 1 || version > maxVersion) {
            throw fail("unsupported version " + version);
        }
        return version;
    }

    public int u8() {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int i32() {
        need(4);
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** A non-negative i32 that is at most {@code max}. */
    public int count(int max, String field) {
        int v = i32();
        if (v < 0 || v > max) {
            throw fail("bad " + field + " " + v);
        }
        return v;
    }

    public long i64() {
        return ((long) i32() << 32) | (i32() & 0xFFFFFFFFL);
    }

    public byte[] raw(int n) {
        if (n < 0) {
            throw fail("negative length");
        }
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] bytes16() {
        need(2);
        int n = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return raw(n);
    }

    public byte[] bytes32() {
        return raw(i32());
    }

    public String string() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes16())).toString();
        } catch (CharacterCodingException e) {
            throw fail("invalid UTF-8");
        }
    }

    public int remaining() {
        return data.length - pos;
    }

    public void end() {
        if (pos != data.length) {
            throw fail("trailing bytes");
        }
    }

    public FormatException fail(String reason) {
        return new FormatException(what + ": " + reason + " at offset " + pos);
    }

    private void need(int n) {
        if (n > data.length - pos) {
            throw fail("truncated");
        }
    }
}
