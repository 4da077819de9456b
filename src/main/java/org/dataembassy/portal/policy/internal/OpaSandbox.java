package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal-private folder where OPA commands work on policy trees: {@code <data-dir>/opa/sandbox/}
 * (owner-only) with {@code capabilities.json}, written at start-up from the real binary's
 * {@code opa capabilities --current} through {@link SandboxCapabilities} (so it always matches the OPA
 * version), and {@code trees/}, one owner-only folder per command. Not the shared {@code /tmp}: other
 * local users can neither read a draft nor swap a file between writing and checking it.
 */
public final class OpaSandbox {

    static final String CAPABILITIES = "capabilities.json";
    /** Tree folders older than this at start-up were left by a crash (a command runs at most minutes). */
    private static final Duration LEFTOVER = Duration.ofHours(1);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(OpaSandbox.class);

    private final Path root;
    private final Path trees;
    private final SandboxCapabilities rules;

    private OpaSandbox(Path root, SandboxCapabilities rules) {
        this.root = root;
        this.trees = root.resolve("trees");
        this.rules = rules;
    }

    /** Creates (or tightens) the folders, clears trees left by a crash and writes the capabilities. */
    public static OpaSandbox prepare(Path root, Path binary, Duration timeout, SandboxCapabilities rules) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("OPA binary not found or not executable at " + binary
                    + ": run 'make tools' (installs OPA into ~/.cache/data-embassy/bin) or set OPA_BINARY");
        }
        OpaSandbox sandbox = new OpaSandbox(root.toAbsolutePath().normalize(), rules);
        try {
            ownerOnlyFolder(sandbox.root);
            ownerOnlyFolder(sandbox.trees);
            sandbox.clearLeftovers();
            OpaProcess.Result current = OpaProcess.run(binary, List.of("capabilities", "--current"), sandbox.root,
                    null, timeout);
            if (current.exit() != 0) {
                throw new IllegalStateException("opa capabilities --current failed: " + current.stderr().strip());
            }
            JsonNode capabilities = JSON.readTree(current.stdout());
            List<String> unknown = rules.unknownTo(capabilities);
            if (!unknown.isEmpty()) {
                log.warn("OPA at {} has none of {}: check {} against this OPA version", binary, unknown,
                        SandboxCapabilities.RESOURCE);
            }
            Path temporary = sandbox.root.resolve(CAPABILITIES + ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(rules.restrict(capabilities)));
            Files.move(temporary, sandbox.capabilities(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the OPA sandbox in " + sandbox.root, e);
        }
        log.info("OPA commands run sandboxed in {} without {}", sandbox.root, rules.removed().keySet());
        return sandbox;
    }

    public Path root() {
        return root;
    }

    /** The capabilities every check, test and evaluation runs with. */
    public Path capabilities() {
        return root.resolve(CAPABILITIES);
    }

    public SandboxCapabilities rules() {
        return rules;
    }

    /** A new, empty, owner-only folder for one policy tree. */
    Path newTreeFolder() throws IOException {
        FileAttribute<?>[] attributes = posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        return Files.createTempDirectory(trees, "tree-", attributes);
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover tree folder is removed at the next start
        }
    }

    private void clearLeftovers() throws IOException {
        Instant before = Instant.now().minus(LEFTOVER);
        try (Stream<Path> list = Files.list(trees)) {
            for (Path leftover : list.toList()) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(before)) {
                    delete(leftover);
                }
            }
        }
    }

    private static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix()) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
