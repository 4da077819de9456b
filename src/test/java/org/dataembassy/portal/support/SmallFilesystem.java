package org.dataembassy.portal.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real, small filesystem for "disk full" tests: a tmpfs of a fixed size mounted on a folder (needs root, as the
 * CI runs). {@link #fill()} leaves it without free space; {@link #free()} gives the space back.
 */
public final class SmallFilesystem implements AutoCloseable {

    private final Path mountPoint;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static SmallFilesystem mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs", mountPoint.toString());
        return new SmallFilesystem(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a filler file until the filesystem refuses more. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(mountPoint.resolve(".filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (Files.getFileStore(mountPoint).getUsableSpace() > block.length) {
                throw full;
            }
        }
    }

    public void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(".filler"));
    }

    public long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (the fault tests need root, as CI runs): " + out);
        }
    }
}
