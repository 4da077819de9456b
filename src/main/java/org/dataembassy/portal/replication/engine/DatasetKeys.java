package org.dataembassy.portal.replication.engine;

import org.dataembassy.portal.replication.chunking.FastCdc;
import org.dataembassy.portal.replication.crypto.ChunkIds;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.keys.KeyBundle;

/** Usable primitives of a loaded key bundle. */
public record DatasetKeys(KeyBundle bundle, DataCipher cipher, ChunkIds chunkIds, FastCdc cdc) {
    public static DatasetKeys of(KeyBundle bundle) {
        return new DatasetKeys(bundle, new DataCipher(bundle.dataKeyset(), bundle.datasetId()),
                new ChunkIds(bundle.idKey()), new FastCdc(bundle.chunker()));
    }

    public String datasetId() {
        return bundle.datasetId();
    }
}
