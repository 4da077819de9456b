package org.dataembassy.portal.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * This portal node's identity, the same across restarts: a UUID kept in {@code <data-dir>/workflow/job-lock-owner}
 * (one per data folder, so nodes sharing a database keep distinct ones; the file name is the one the job
 * executor's lock owner has always been kept under). What a node holds in the shared database — job locks, the
 * publication lease — is held under it, so a node that was killed can give back at start-up what it held when it
 * died, and leaves other nodes' holdings alone.
 */
@Component
public class NodeIdentity {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final String id;

    public NodeIdentity(PortalProperties portal) {
        this.id = read(portal.home().resolve("workflow/job-lock-owner"));
    }

    /** The node's id, a UUID. */
    public String id() {
        return id;
    }

    /** Reads the id from {@code file}, creating it there with a fresh id the first time. */
    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(Files.createFile(file), UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // written meanwhile: use that one
                }
            }
            String owner = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!ID.matcher(owner).matches()) {
                throw new IllegalStateException(file + " does not hold a node id (a UUID): delete it to have a new "
                        + "one made");
            }
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node id " + file, e);
        }
    }
}
