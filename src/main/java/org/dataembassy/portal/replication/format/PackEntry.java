package org.dataembassy.portal.replication.format;

/** A sealed chunk blob inside a pack: chunk id (hex), byte offset, sealed length, plaintext length. */
public record PackEntry(String chunkId, int offset, int length, int rawLength) {
}
