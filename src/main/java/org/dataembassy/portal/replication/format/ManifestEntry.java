package org.dataembassy.portal.replication.format;

import java.util.List;

/**
 * One file, directory or symlink of a snapshot. {@code path} is relative and '/'-separated;
 * {@code sha256} is the hex SHA-256 of a file's content (empty for others); {@code chunks} are
 * hex chunk ids in file order; {@code linkTarget} is set only for symlinks.
 */
public record ManifestEntry(EntryType type, String path, int mode, long mtimeMillis, long size,
                            String sha256, String linkTarget, List<String> chunks) {
}
