package org.dataembassy.portal.policy.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed policy bundle the portal serves at {@value #PATH} to the supervised OPA and to any external
 * OPA configured against the portal. OPA activates a new bundle only if its signature and file list
 * verify; until then it keeps the previous one.
 *
 * <p>The portal signs only what passes its {@link SandboxCheck} ({@code opa check --strict} with the sandbox
 * capabilities): {@code opa run} takes no capabilities, so a signed bundle is kept free of network, runtime,
 * clock and randomness builtins here, before any OPA sees it.
 */
public final class PolicyBundles {

    /** Compile problems of bundle files under the sandbox capabilities; empty when they may be signed. */
    @FunctionalInterface
    public interface SandboxCheck {
        List<PolicyProblem> problems(SortedMap<String, byte[]> files);
    }

    public static final String NAME = "dataembassy";
    public static final String PATH = "/opa/bundles/" + NAME + ".tar.gz";
    /** Where OPAs report their status (OPA's status plugin appends {@code /status} to the service URL). */
    public static final String STATUS_PATH = "/opa/status";

    private static final Logger log = LoggerFactory.getLogger(PolicyBundles.class);

    /** Bundle bytes as served, with their strong ETag (quoted SHA-256 of the bytes). */
    public static final class Served {
        private final byte[] bytes;
        private final String etag;
        private final String revision;
        private final AtomicLong firstSent = new AtomicLong();

        Served(byte[] bytes, String etag, String revision) {
            this.bytes = bytes;
            this.etag = etag;
            this.revision = revision;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public String etag() {
            return etag;
        }

        public String revision() {
            return revision;
        }

        /** Sequence number of the first download answered with these bytes (200, or 304 for a caller that has them); 0: none yet. */
        public long firstSent() {
            return firstSent.get();
        }

        byte[] body() {
            return bytes;
        }
    }

    private final Path home;
    private final Path sourceFolder;
    private final BundleSigningKey key;
    private final SandboxCheck sandboxCheck;
    private final AtomicLong requests = new AtomicLong();
    private final Object changes = new Object();
    private volatile Served current;
    private volatile boolean closing;

    PolicyBundles(Path home, Path sourceFolder, BundleSigningKey key, SandboxCheck sandboxCheck) {
        this.home = home;
        this.sourceFolder = sourceFolder;
        this.key = key;
        this.sandboxCheck = sandboxCheck;
    }

    /** The policy folder the portal started with: tests and case tables included, as the checks need them. */
    public Path sourceFolder() {
        return sourceFolder;
    }

    /**
     * The OPA folder under the data folder ({@code <data-dir>/opa}): {@code bundle/} (the extracted jar
     * bundle), {@code signing/} (key pair, token), {@code sandbox/} ({@link OpaSandbox}), {@code opa-config.json}
     * and {@code opa.log}.
     */
    public Path home() {
        return home;
    }

    public BundleSigningKey key() {
        return key;
    }

    /** Builds and signs the bundle in {@code folder} and serves it from now on; refused as {@link #publish(SortedMap)}. */
    public Served publish(Path folder) {
        return publish(BundleBuilder.readFolder(folder));
    }

    /**
     * Signs these bundle files (path inside the bundle to content) and serves them from now on. Refused with
     * {@link PolicyRejectedException}, nothing served, when they do not pass the sandbox check.
     */
    public Served publish(SortedMap<String, byte[]> files) {
        requireSandboxed(files);
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        entries.put(BundleBuilder.SIGNATURES_FILE, BundleBuilder.signatures(files, key.privateKey(), key.keyId()));
        return serve(BundleBuilder.tarGz(entries), BundleBuilder.revision(files));
    }

    /** The {@code .signatures.json} this portal's key gives these files; refused as {@link #publish(SortedMap)}. */
    public byte[] signatures(Map<String, byte[]> files) {
        requireSandboxed(new TreeMap<>(files));
        return BundleBuilder.signatures(files, key.privateKey(), key.keyId());
    }

    private void requireSandboxed(SortedMap<String, byte[]> files) {
        List<PolicyProblem> problems = sandboxCheck.problems(files);
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException("the portal signs no policy that fails opa check --strict with the sandbox"
                    + " capabilities (revision " + BundleBuilder.revision(files) + ")", problems);
        }
    }

    /**
     * Serves these bytes as they are, from the next download on. Verification is OPA's job: bytes that do
     * not verify are rejected there and the previous bundle stays active (fault-injection tests use this).
     */
    public Served serve(byte[] tarGz, String revision) {
        Served served = new Served(tarGz.clone(), "\"" + HexFormat.of().formatHex(BundleBuilder.sha256(tarGz)) + "\"",
                revision);
        current = served;
        synchronized (changes) {
            changes.notifyAll(); // answers OPAs long-polling for a change
        }
        log.info("serving policy bundle revision {} ({} bytes, ETag {})", revision, tarGz.length, served.etag());
        return served;
    }

    public Served current() {
        return current;
    }

    /**
     * Waits until something is served after {@code seen}, at most {@code max}, and returns what is served then
     * (the same one on timeout or when the portal shuts down). Re-serving the same bytes ends the wait too:
     * the caller then answers 304 at once rather than holding the request to its timeout.
     */
    Served awaitChange(Served seen, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (changes) {
            while (!closing && current == seen) { // any serve() ends the wait, even of the same bytes
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    changes.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return current;
        }
    }

    /** Releases every waiting long poll (at shutdown, so graceful shutdown does not wait for them). */
    void release() {
        closing = true;
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /** Counts a download request and returns its sequence number (1, 2, …). */
    long countRequest() {
        return requests.incrementAndGet();
    }

    void sent(Served served, long sequence) {
        served.firstSent.compareAndSet(0, sequence);
    }

    /** How many bundle download requests (including 304s and refusals after authentication) arrived so far. */
    public long requests() {
        return requests.get();
    }
}
