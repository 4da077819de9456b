package org.dataembassy.portal.policy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.PolicyBundles;

/**
 * Time from {@link PolicyBundles#publish} (sign and serve a bundle with a new {@code .manifest} revision)
 * until the OPA reports that revision active in {@code /v1/data/system/bundles}, polled every 20 ms the way
 * {@link OpaProbe#bundleRevision} reads it. Publishes happen at random moments, so the figure includes
 * where in OPA's polling cycle the publish falls.
 */
final class PublishToActive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    record Result(List<Long> millis, long signMillisMedian) {

        long median() {
            return sorted().get(sorted().size() / 2);
        }

        long max() {
            return sorted().get(sorted().size() - 1);
        }

        private List<Long> sorted() {
            return millis.stream().sorted().toList();
        }
    }

    private PublishToActive() {
    }

    static Result measure(PolicyBundles bundles, OpaEndpoint endpoint, OpaProbe probe, Path folder, int times,
                          String label) {
        SortedMap<String, byte[]> files = BundleBuilder.readFolder(folder);
        Random random = new Random(4);
        List<Long> active = new ArrayList<>();
        List<Long> sign = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            sleep(Duration.ofMillis(200 + random.nextInt(1000))); // a random phase against OPA's polling timer
            String revision = "bench-" + label + "-" + i + "-" + System.nanoTime();
            SortedMap<String, byte[]> changed = new TreeMap<>(files);
            changed.put(".manifest", withRevision(files.get(".manifest"), revision));
            long start = System.nanoTime();
            bundles.publish(changed);
            sign.add((System.nanoTime() - start) / 1_000_000);
            long deadline = start + GIVE_UP.toNanos();
            while (!revision.equals(probe.bundleRevision(endpoint.baseUrl()).orElse(""))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("OPA did not activate revision " + revision + " within " + GIVE_UP);
                }
                sleep(POLL);
            }
            active.add((System.nanoTime() - start) / 1_000_000);
        }
        return new Result(active, sign.stream().sorted().toList().get(sign.size() / 2));
    }

    private static byte[] withRevision(byte[] manifest, String revision) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(manifest);
            node.put("revision", revision);
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
