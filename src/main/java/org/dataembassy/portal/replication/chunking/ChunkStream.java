package org.dataembassy.portal.replication.chunking;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts an input stream into content-defined chunks using one reusable buffer. The consumer gets
 * a view {@code (buffer, offset, length)} valid only during the call.
 */
public final class ChunkStream {
    /** Receives chunk views. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(byte[] buffer, int offset, int length) throws IOException;
    }

    /** Bounded reads: file channels copy each read through a per-thread native buffer of its size. */
    private static final int READ_SLICE = 1024 * 1024;
    private final FastCdc cdc;
    private final byte[] buffer;

    public ChunkStream(FastCdc cdc) {
        this.cdc = cdc;
        this.buffer = new byte[Math.max(cdc.maxSize() * 2, 4 * 1024 * 1024)];
    }

    /** Reads {@code in} to its end, emitting every chunk in order. Returns the byte count. */
    public long split(InputStream in, ChunkConsumer consumer) throws IOException {
        int start = 0;
        int filled = 0;
        boolean eof = false;
        long total = 0;
        while (true) {
            while (!eof && filled - start < cdc.maxSize()) {
                if (filled == buffer.length) {
                    System.arraycopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
                int n = in.read(buffer, filled, Math.min(READ_SLICE, buffer.length - filled));
                if (n < 0) {
                    eof = true;
                } else {
                    filled += n;
                }
            }
            int available = filled - start;
            if (available == 0) {
                return total;
            }
            int length = cdc.cut(buffer, start, available);
            consumer.accept(buffer, start, length);
            start += length;
            total += length;
        }
    }
}
