package org.dataembassy.portal.replication.keys;

import com.google.crypto.tink.KeysetHandle;
import org.dataembassy.portal.replication.chunking.ChunkerParams;

/**
 * A dataset's key material and format parameters for one generation: Tink AES-256-GCM data
 * keyset, chunk-id key, chunker parameters, pack size, zstd level and the state's Ed25519
 * public key (X.509) used to verify manifests. Stored only wrapped under the KEK.
 */
public record KeyBundle(String datasetId, int generation, ChunkerParams chunker, int packSize,
                        int compressionLevel, byte[] idKey, byte[] signingPublicKey, KeysetHandle dataKeyset) {
}
