package org.dataembassy.portal.replication.chunking;

/**
 * FastCDC parameters of a dataset. {@code avgSize} must be a power of two,
 * {@code 64 <= minSize <= avgSize <= maxSize}. {@code gearSeed} derives the secret gear table.
 */
public record ChunkerParams(int minSize, int avgSize, int maxSize, long gearSeed) {
    public static final int DEFAULT_MIN = 512 * 1024;
    public static final int DEFAULT_AVG = 1024 * 1024;
    public static final int DEFAULT_MAX = 8 * 1024 * 1024;

    public ChunkerParams {
        if (Integer.bitCount(avgSize) != 1 || minSize < 64 || minSize > avgSize || avgSize > maxSize
                || avgSize < 256 || maxSize > 32 * 1024 * 1024) {
            throw new IllegalArgumentException("invalid chunker parameters " + minSize + "/" + avgSize + "/" + maxSize);
        }
    }

    public static ChunkerParams defaults(long gearSeed) {
        return new ChunkerParams(DEFAULT_MIN, DEFAULT_AVG, DEFAULT_MAX, gearSeed);
    }
}
