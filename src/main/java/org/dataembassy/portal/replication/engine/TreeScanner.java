package org.dataembassy.portal.replication.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dataembassy.portal.replication.format.EntryType;

/**
 * Lists a source tree without following symlinks: directories, regular files and symlinks are
 * recorded; other special files are skipped with a warning. Entries are sorted by path.
 */
public final class TreeScanner {
    /** A source entry; {@code path} relative, '/'-separated. */
    public record SourceEntry(EntryType type, String path, Path file, int mode, long mtimeMillis, long size, String linkTarget) {
    }

    /** Scan result. */
    public record Scan(List<SourceEntry> entries, List<String> warnings) {
        public long totalBytes() {
            return entries.stream().filter(e -> e.type() == EntryType.FILE).mapToLong(SourceEntry::size).sum();
        }
    }

    private TreeScanner() {
    }

    public static Scan scan(Path root) {
        List<SourceEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        entries.add(entry(EntryType.DIRECTORY, root, dir, attrs, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        entries.add(entry(EntryType.SYMLINK, root, file, attrs, Files.readSymbolicLink(file).toString()));
                    } else if (attrs.isRegularFile()) {
                        entries.add(entry(EntryType.FILE, root, file, attrs, null));
                    } else {
                        warnings.add("skipped special file: " + relative(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    warnings.add("skipped unreadable: " + relative(root, file) + " (" + exc.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.sort(Comparator.comparing(SourceEntry::path));
        return new Scan(entries, warnings);
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(File.separatorChar, '/');
    }

    static SourceEntry entry(EntryType type, Path root, Path p, BasicFileAttributes attrs, String link) throws IOException {
        int mode = 0;
        if (type != EntryType.SYMLINK) {
            try {
                mode = toMode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            } catch (UnsupportedOperationException e) {
                mode = type == EntryType.DIRECTORY ? 0755 : 0644;
            }
        }
        return new SourceEntry(type, relative(root, p), p, mode, attrs.lastModifiedTime().toMillis(),
                type == EntryType.FILE ? attrs.size() : 0, link);
    }

    static int toMode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }
}
