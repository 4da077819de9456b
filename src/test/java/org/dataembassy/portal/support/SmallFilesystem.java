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
        // a run killed before close() left its tmpfs mounted here: unmount it (all stacked ones), or this one
        // would be mounted on top of it and the next clean would fail on a busy folder
        while (mounted(mountPoint)) {
            run("umount", "-l", mountPoint.toString());
        }
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

    /** Whether something is mounted exactly on {@code folder} (from /proc/self/mounts, spaces escaped as \\040). */
    static boolean mounted(Path folder) throws IOException {
        String target = folder.toAbsolutePath().normalize().toString().replace(" ", "\\040");
        return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                .map(line -> line.split(" "))
                .anyMatch(fields -> fields.length > 1 && fields[1].equals(target));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (the fault tests need root, as CI runs): " + out);
        }
    }
}
