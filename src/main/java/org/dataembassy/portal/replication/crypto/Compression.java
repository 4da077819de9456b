package org.dataembassy.portal.replication.crypto;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;

/**
 * zstd framing of chunk payloads: {@code 0 || raw} or {@code 1 || zstd frame}. Raw is kept
 * unless compression saves at least 1/32 of the size. Chunks of 128 KiB or more are only
 * compressed when their first 32 KiB compress (level 1) by at least 1/32.
 */
public final class Compression {
    private Compression() {
    }

    public static byte[] pack(byte[] data, int offset, int length, int level) {
        byte[] dst = new byte[maxPacked(length)];
        return Arrays.copyOf(dst, packInto(data, offset, length, level, dst));
    }

    /** Size of a buffer that holds any framed payload of {@code length} raw bytes. */
    public static int maxPacked(int length) {
        return (int) Zstd.compressBound(length) + 1;
    }

    /**
     * Frames {@code data[offset, offset+length)} into {@code dst} (at least {@link #maxPacked} long)
     * and returns the framed length. Compresses with this thread's reusable zstd context: a fresh
     * context per chunk costs a large native allocation (page faults, zeroing) each time.
     */
    public static int packInto(byte[] data, int offset, int length, int level, byte[] dst) {
        if (length >= 64 && (length < 4 * SAMPLE || samplePays(data, offset))) {
            try {
                int n = context(level).compressByteArray(dst, 1, dst.length - 1, data, offset, length);
                if (n < length - (length >> 5)) {
                    dst[0] = 1;
                    return n + 1;
                }
            } catch (ZstdException e) {
                // store raw
            }
        }
        dst[0] = 0;
        System.arraycopy(data, offset, dst, 1, length);
        return length + 1;
    }

    /** Upper bound of any chunk's plaintext (the format's maximum chunk size is far below). */
    public static final int MAX_CHUNK = 64 * 1024 * 1024;
    private static final int SAMPLE = 32 * 1024;
    private static final ThreadLocal<byte[]> SAMPLE_BUFFER = ThreadLocal.withInitial(() -> new byte[(int) Zstd.compressBound(SAMPLE)]);
    /** One context per thread and level (levels 1..22; the sample test always uses level 1). */
    private static final ThreadLocal<ZstdCompressCtx[]> CONTEXTS = ThreadLocal.withInitial(() -> new ZstdCompressCtx[23]);

    private static ZstdCompressCtx context(int level) {
        if (level < 1 || level > 22) {
            return new ZstdCompressCtx().setLevel(level).setChecksum(false); // unusual level: not cached
        }
        ZstdCompressCtx[] byLevel = CONTEXTS.get();
        if (byLevel[level] == null) {
            byLevel[level] = new ZstdCompressCtx().setLevel(level).setChecksum(false);
        }
        return byLevel[level];
    }

    /** Cheap pre-check for large chunks: compress the first 32 KiB at level 1; skip zstd if that saves nothing. */
    private static boolean samplePays(byte[] data, int offset) {
        byte[] dst = SAMPLE_BUFFER.get();
        try {
            int n = context(1).compressByteArray(dst, 0, dst.length, data, offset, SAMPLE);
            return n < SAMPLE - (SAMPLE >> 5);
        } catch (ZstdException e) {
            return false;
        }
    }

    /** Loads zstd's native library now (it otherwise loads on first use). */
    public static void loadNative() {
        Zstd.compressBound(1);
    }

    public static byte[] unpack(byte[] framed, int rawLength, String objectName) {
        if (framed.length == 0 || rawLength < 0 || rawLength > MAX_CHUNK) {
            throw new IntegrityException("empty or invalid chunk payload", List.of(objectName));
        }
        if (framed[0] == 0 && framed.length - 1 == rawLength) {
            return Arrays.copyOfRange(framed, 1, framed.length);
        }
        if (framed[0] == 1) {
            try {
                byte[] out = new byte[rawLength];
                long n = Zstd.decompressByteArray(out, 0, rawLength, framed, 1, framed.length - 1);
                if (!Zstd.isError(n) && n == rawLength) {
                    return out;
                }
            } catch (RuntimeException e) {
                // ZstdException for corrupt frames or wrong sizes: reported below
            }
        }
        throw new IntegrityException("bad chunk payload", List.of(objectName));
    }
}
