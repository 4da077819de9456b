package org.dataembassy.portal.activation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dataembassy.portal.activation.ActivationProperties;
import org.springframework.stereotype.Component;

/**
 * The read-only serving area at the embassy site: {@code <serving-dir>/<activation>/<dataset>/}. A dataset is
 * restored into a hidden partial folder, made read-only (files {@code r--r--r--}, folders {@code r-xr-xr-x})
 * and only then renamed into place, so a folder under its final name is always complete; a crashed restore
 * leaves a partial folder the retry deletes first.
 */
@Component
public class ServingArea {

    static final Set<PosixFilePermission> READ_ONLY_FILE = PosixFilePermissions.fromString("r--r--r--");
    static final Set<PosixFilePermission> READ_ONLY_DIR = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> WRITABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path root;

    ServingArea(ActivationProperties properties) {
        this.root = properties.servingDir().toAbsolutePath().normalize(); // resolved once
    }

    public Path target(String activationId, String datasetId) {
        return root.resolve(activationId).resolve(datasetId);
    }

    /** A fresh, empty partial folder for the dataset (a leftover of a crashed attempt is deleted first). */
    public Path freshPartial(String activationId, String datasetId) {
        Path partial = root.resolve(activationId).resolve(".partial-" + datasetId);
        delete(partial);
        try {
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partial;
    }

    /** Makes the restored tree read-only and moves it under its final name. */
    public Path publish(Path partial, Path target) {
        try (Stream<Path> walk = Files.walk(partial)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? READ_ONLY_DIR : READ_ONLY_FILE);
                }
            }
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + partial + " as " + target, e);
        }
    }

    /** Removes the activation's serving folder and everything in it; nothing to do when absent. */
    public void remove(String activationId) {
        delete(root.resolve(activationId));
    }

    /** Deletes a folder left under its final name by a restore whose step then failed (the retry redoes it). */
    public void discard(Path target) {
        delete(target);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).toList()) {
                    Files.setPosixFilePermissions(p, WRITABLE_DIR);
                }
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
