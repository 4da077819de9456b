package org.dataembassy.portal.replication.format;

/** Where a chunk lives: pack id (hex), offset and sealed length in the pack, plaintext length. */
public record IndexEntry(String chunkId, String packId, int offset, int length, int rawLength) {
}
