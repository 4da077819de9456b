package org.dataembassy.portal.replication;

/**
 * Per-dataset format parameters, fixed at dataset creation and stored in the key bundle:
 * FastCDC chunk sizes (avg a power of two), pack size in bytes and zstd level (1..19). The default
 * level is 1: on register-like CSV it compressed as well as level 3 (slightly better) in about half
 * the CPU time, which on a 2-core machine is what limits replication (docs/benchmarks.md).
 */
public record DatasetSettings(String datasetId, int minChunk, int avgChunk, int maxChunk, int packSize, int compressionLevel) {
    public static DatasetSettings defaults(String datasetId) {
        return new DatasetSettings(datasetId, 512 * 1024, 1024 * 1024, 8 * 1024 * 1024, 32 * 1024 * 1024, 1);
    }

    /** Tiny chunks and packs for tests and demos. */
    public static DatasetSettings small(String datasetId) {
        return new DatasetSettings(datasetId, 256, 1024, 4096, 16 * 1024, 3);
    }
}
