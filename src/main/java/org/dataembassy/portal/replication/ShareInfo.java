package org.dataembassy.portal.replication;

/**
 * What a KEK share text says about itself once its checksum verified: which split ({@code setId}) it belongs
 * to, its index and the split's threshold and size. Holds nothing secret.
 */
public record ShareInfo(String setId, int index, int threshold, int total) {
}
