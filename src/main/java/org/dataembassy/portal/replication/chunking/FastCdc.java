package org.dataembassy.portal.replication.chunking;

/**
 * FastCDC cut-point finder (gear rolling hash with normalized chunking). Stateless apart from
 * its tables, thread-safe, allocation-free per call.
 */
public final class FastCdc {
    private final long[] gear = new long[256];
    private final int min;
    private final int avg;
    private final int max;
    private final long maskStrict;
    private final long maskLoose;

    public FastCdc(ChunkerParams params) {
        this.min = params.minSize();
        this.avg = params.avgSize();
        this.max = params.maxSize();
        int bits = Integer.numberOfTrailingZeros(avg);
        this.maskStrict = topBits(bits + 2);
        this.maskLoose = topBits(Math.max(1, bits - 2));
        long state = params.gearSeed();
        for (int i = 0; i < 256; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            gear[i] = z ^ (z >>> 31);
        }
    }

    private static long topBits(int n) {
        return n >= 64 ? -1L : ((1L << n) - 1) << (64 - n);
    }

    public int maxSize() {
        return max;
    }

    /**
     * Returns the length of the next chunk starting at {@code off}, looking at no more than
     * {@code len} bytes. When {@code len < maxSize} the caller must only pass it at end of input,
     * otherwise the cut may differ from the streaming one.
     */
    public int cut(byte[] buf, int off, int len) {
        if (len <= min) {
            return len;
        }
        int end = Math.min(len, max);
        int normal = Math.min(end, avg);
        long fp = 0;
        int i = min;
        for (; i < normal; i++) {
            fp = (fp << 1) + gear[buf[off + i] & 0xFF];
            if ((fp & maskStrict) == 0) {
                return i + 1;
            }
        }
        for (; i < end; i++) {
            fp = (fp << 1) + gear[buf[off + i] & 0xFF];
            if ((fp & maskLoose) == 0) {
                return i + 1;
            }
        }
        return end;
    }
}
