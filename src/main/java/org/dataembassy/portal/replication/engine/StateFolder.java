package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The state's local folder: {@code state.properties} (state id, KEK fingerprint),
 * {@code signing.key} (Ed25519 private key wrapped under the KEK), {@code signing.pub},
 * {@code sites.properties}, {@code datasets/<ds>/keys/*} (wrapped bundles),
 * {@code status/<ds>/<site>.properties}, {@code evidence/}, {@code lock}.
 */
public record StateFolder(Path root) {

    public Path stateFile() {
        return root.resolve("state.properties");
    }

    public Path sitesFile() {
        return root.resolve("sites.properties");
    }

    public Path signingKey() {
        return root.resolve("signing.key");
    }

    public Path signingPublic() {
        return root.resolve("signing.pub");
    }

    public Path keysDir(String ds) {
        return root.resolve("datasets").resolve(ds).resolve("keys");
    }

    public Path statusFile(String ds, String site) {
        return root.resolve("status").resolve(ds).resolve(site + ".properties");
    }

    public Path evidenceDir() {
        return root.resolve("evidence");
    }

    public Path lockFile() {
        return root.resolve("lock");
    }

    public boolean exists() {
        return Files.isRegularFile(stateFile());
    }

    public static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    /** Writes atomically (temp file + rename). */
    public static void write(Path file, Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
