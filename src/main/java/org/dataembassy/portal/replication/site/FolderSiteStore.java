package org.dataembassy.portal.replication.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.ObjectConflictException;
import org.dataembassy.portal.replication.ObjectNotFoundException;
import org.dataembassy.portal.replication.SiteUnavailableException;

/**
 * Site in a local (or mounted) folder. A put writes {@code .tmp/<random>}, fsyncs it, hard-links
 * it to the final name (which fails if the name exists, so nothing is ever overwritten), removes
 * the temporary name and fsyncs the directory. Readers never see partial objects.
 */
public final class FolderSiteStore implements SiteStore {
    private static final String TMP = ".tmp";
    /**
     * Heap buffers are read and written in slices of this size: the JDK copies each channel
     * operation through a per-thread cached direct buffer as large as the operation, which for
     * whole packs would keep tens of MiB of native memory per thread.
     */
    private static final int IO_SLICE = 1024 * 1024;
    private final String name;
    private final Path root;

    public FolderSiteStore(String name, Path root) {
        this.name = name;
        this.root = root.toAbsolutePath();
    }

    @Override
    public String name() {
        return name;
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = root.resolve(SiteStore.checkName(key));
        try {
            if (Files.exists(target)) {
                checkSame(key, target, content);
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmpDir = Files.createDirectories(root.resolve(TMP));
            Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int off = 0; off < content.length; off += IO_SLICE) {
                    ByteBuffer buf = ByteBuffer.wrap(content, off, Math.min(IO_SLICE, content.length - off));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
                ch.force(true);
            }
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException raced) {
                checkSame(key, target, content);
            } finally {
                Files.deleteIfExists(tmp);
            }
            fsyncDirectory(target.getParent());
        } catch (IOException e) {
            throw new SiteUnavailableException(name + ": cannot write " + key + ": " + e, e);
        }
    }

    /** Fills {@code data} from {@code position}; returns fewer bytes only if the channel ends first. */
    private static int readFully(FileChannel ch, byte[] data, long position) throws IOException {
        int done = 0;
        while (done < data.length) {
            ByteBuffer buf = ByteBuffer.wrap(data, done, Math.min(IO_SLICE, data.length - done));
            int n = ch.read(buf, position + done);
            if (n < 0) {
                return done;
            }
            done += n;
        }
        return done;
    }

    private void checkSame(String key, Path target, byte[] content) throws IOException {
        if (!Arrays.equals(Files.readAllBytes(target), content)) {
            throw new ObjectConflictException(name + ": object exists with different content: " + key);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems do not allow fsync on directories; the rename is still atomic
        }
    }

    @Override
    public byte[] get(String key) {
        try (FileChannel ch = FileChannel.open(root.resolve(SiteStore.checkName(key)), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new SiteUnavailableException(name + ": object too large: " + key);
            }
            byte[] data = new byte[(int) size];
            int n = readFully(ch, data, 0);
            return n == data.length ? data : Arrays.copyOf(data, n);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(name + ": no such object: " + key);
        } catch (IOException e) {
            throw new SiteUnavailableException(name + ": cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public byte[] get(String key, long offset, int length) {
        try (FileChannel ch = FileChannel.open(root.resolve(SiteStore.checkName(key)), StandardOpenOption.READ)) {
            if (offset < 0 || length < 0 || offset + length > ch.size()) {
                throw new ObjectNotFoundException(name + ": range outside object " + key);
            }
            byte[] data = new byte[length];
            if (readFully(ch, data, offset) != length) {
                throw new ObjectNotFoundException(name + ": range outside object " + key);
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(name + ": no such object: " + key);
        } catch (IOException e) {
            throw new SiteUnavailableException(name + ": cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> !k.startsWith(TMP + "/") && k.startsWith(prefix))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SiteUnavailableException(name + ": cannot list " + prefix + ": " + e, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(root.resolve(SiteStore.checkName(key)));
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(root.resolve(SiteStore.checkName(key)));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(name + ": no such object: " + key);
        } catch (IOException e) {
            throw new SiteUnavailableException(name + ": cannot stat " + key + ": " + e, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(root.resolve(SiteStore.checkName(key)));
        } catch (IOException e) {
            throw new SiteUnavailableException(name + ": cannot delete " + key + ": " + e, e);
        }
    }
}
