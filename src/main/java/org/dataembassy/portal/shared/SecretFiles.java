package org.dataembassy.portal.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the portal keeps in its data folder (the bundle token, the metrics scrape token, signing keys): written
 * readable by the owner only, through a temporary file moved into place, so a crash never leaves half a secret and
 * two nodes creating the same file keep the first one. Their contents are never logged.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Writes {@code content} to {@code file} (owner read/write only) unless the file exists already. */
    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not POSIX: rely on the data folder's own protection
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(tmp);
        }
    }

    /**
     * The token {@code configured} when it is not blank, else the one kept in {@code file}, generated there on first
     * use (32 random bytes, base64url).
     */
    public static String tokenOrGenerated(String configured, Path file) throws IOException {
        String token = configured == null ? "" : configured.trim();
        if (!token.isEmpty()) {
            return token;
        }
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
