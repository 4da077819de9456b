package org.dataembassy.portal.replication;

/**
 * Per-dataset format parameters, fixed at dataset creation and stored in the key bundle:
 * FastCDC chunk sizes (avg a power of two), pack size in bytes and zstd level (1..19).
 */
public record DatasetSettings(String datasetId, int minChunk, int avgChunk, int maxChunk, int packSize, int compressionLevel) {
    public static DatasetSettings defaults(String datasetId) {
        return new DatasetSettings(datasetId, 512 * 1024, 1024 * 1024, 8 * 1024 * 1024, 32 * 1024 * 1024, 3);
    }

    /** Tiny chunks and packs for tests and demos. */
    public static DatasetSettings small(String datasetId) {
        return new DatasetSettings(datasetId, 256, 1024, 4096, 16 * 1024, 3);
    }
}
