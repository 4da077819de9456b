package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.PolicyBundles;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The signed bundle path end to end with the real supervised OPA: the portal signs and serves the bundle,
 * OPA pulls it, verifies it and activates it; a bundle that does not verify (changed after signing, signed
 * by another key, a file outside the signature, no signature) is rejected and the previous bundle stays
 * active, revision and rules alike.
 */
@PortalIntegrationTest
class SignedBundleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rules that would allow everything, so that a wrongly activated bundle shows in decisions. */
    private static final String ALLOW_ALL = """
            package dataembassy.onboarding

            decision := {"allow": true, "review_required": false, "reasons": []}
            """;
    private static final String ONBOARDING = "dataembassy/onboarding/onboarding.rego";

    @Autowired
    PolicyDecisions decisions;
    @Autowired
    PolicyEngine engine;
    @Autowired
    PolicyBundles bundles;
    @Autowired
    OpaEndpoint endpoint;
    @LocalServerPort
    int port;

    private final OpaProbe probe = new OpaProbe();
    private final HttpClient http = HttpClient.newHttpClient();
    private SortedMap<String, byte[]> foundation;
    /** What the portal serves when the test starts: the shipped bundle, or the agreement registry's latest. */
    private PolicyBundles.Served active;

    @BeforeEach
    void readTheActiveBundle() {
        foundation = BundleBuilder.readFolder(opaHome().resolve("bundle"));
        assertThat(BundleBuilder.revision(foundation)).isEqualTo("foundation-1");
        active = bundles.current();
        assertThat(active.revision()).startsWith("foundation-1");
        awaitRevision(active.revision());
    }

    @AfterEach
    void restoreTheActiveBundle() {
        PolicyBundles.Served restored = bundles.serve(active.bytes(), active.revision());
        awaitProcessed(restored);
        awaitRevision(active.revision());
    }

    @Test
    void theSupervisedOpaRunsTheSignedBundleFromThePortal() throws Exception {
        assertThat(As.user("aude", "AUDITOR", () -> engine.status()).bundleRevision()).isEqualTo(active.revision());
        JsonNode config = JSON.readTree(opaHome().resolve("opa-config.json").toFile());
        JsonNode bundle = config.path("bundles").path("dataembassy");
        assertThat(bundle.path("resource").asText()).isEqualTo("opa/bundles/dataembassy.tar.gz");
        assertThat(bundle.path("signing").path("keyid").asText()).isEqualTo("portal-bundle-signer-1");
        assertThat(config.path("keys").path("portal-bundle-signer-1").path("algorithm").asText()).isEqualTo("RS256");
        assertThat(config.path("keys").path("portal-bundle-signer-1").path("key").asText())
                .isEqualTo(Files.readString(opaHome().resolve("signing/bundle-signing-key.pub.pem")));
        assertThat(Files.getPosixFilePermissions(opaHome().resolve("signing/bundle-signing-key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(opaHome().resolve("signing/bundle-token")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(opaHome().resolve("opa-config.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theBundleIsServedOnlyWithTheBearerTokenAndAnswersIfNoneMatch() throws Exception {
        String token = Files.readString(opaHome().resolve("signing/bundle-token")).trim();
        assertThat(download(null, null).statusCode()).isEqualTo(401);
        assertThat(download("Bearer not-the-token", null).statusCode()).isEqualTo(401);

        HttpResponse<byte[]> ok = download("Bearer " + token, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(bundles.current().bytes());
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo(bundles.current().etag());
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(download("Bearer " + token, etag).statusCode()).isEqualTo(304);
        assertThat(download("Bearer " + token, "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewlySignedBundleIsActivatedAndItsRulesDecide() {
        assertThat(decideTopSecret().outcome()).isEqualTo(PolicyDecision.Outcome.DENY);

        bundles.publish(withRevision(allowAll(foundation), "signed-test-2"));

        awaitRevision("signed-test-2");
        assertThat(decideTopSecret().outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
        assertThat(As.user("aude", "AUDITOR", () -> engine.status()).bundleRevision()).isEqualTo("signed-test-2");
    }

    @Test
    void aLongPollForTheCurrentBundleIsAnsweredByTheNextPublication() throws Exception {
        String token = Files.readString(opaHome().resolve("signing/bundle-token")).trim();
        String etag = bundles.current().etag();
        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PolicyBundles.PATH))
                        .header("Authorization", "Bearer " + token).header("If-None-Match", etag)
                        .header("Prefer", "modes=snapshot,delta;wait=30").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500); // a server without long polling would have answered 304 by now
        assertThat(waiting).as("held until a new bundle is served").isNotDone();

        PolicyBundles.Served next = bundles.publish(withRevision(foundation, "long-poll-1"));

        HttpResponse<byte[]> answer = waiting.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag")).hasValue(next.etag());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/vnd.openpolicyagent.bundles");
        awaitRevision("long-poll-1"); // OPA long-polls too, so it has the new bundle as well
    }

    @Test
    void aBundleChangedAfterSigningIsRejectedAndThePreviousOneStaysActive() {
        SortedMap<String, byte[]> signedFiles = withRevision(foundation, "tampered-1");
        Map<String, byte[]> entries = new LinkedHashMap<>(signedFiles);
        entries.put(BundleBuilder.SIGNATURES_FILE, bundles.signatures(signedFiles));
        entries.put(ONBOARDING, ALLOW_ALL.getBytes(StandardCharsets.UTF_8)); // changed after signing

        assertRejected(entries);
    }

    @Test
    void aBundleSignedWithAnotherKeyUnderTheSameKeyIdIsRejected() throws Exception {
        SortedMap<String, byte[]> files = withRevision(allowAll(foundation), "tampered-2");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        entries.put(BundleBuilder.SIGNATURES_FILE, BundleBuilder.signatures(files,
                generator.generateKeyPair().getPrivate(), bundles.key().keyId()));

        assertRejected(entries);
    }

    @Test
    void aBundleWithAFileOutsideItsSignatureIsRejected() {
        SortedMap<String, byte[]> signedFiles = withRevision(foundation, "tampered-3");
        Map<String, byte[]> entries = new LinkedHashMap<>(signedFiles);
        entries.put(BundleBuilder.SIGNATURES_FILE, bundles.signatures(signedFiles));
        entries.put("dataembassy/smuggled/smuggled.rego", """
                package dataembassy.smuggled

                present := true
                """.getBytes(StandardCharsets.UTF_8));

        assertRejected(entries);
        assertThat(dataAt("dataembassy/smuggled/present")).isEmpty();
    }

    @Test
    void aBundleWhoseSignatureListsAFileItDoesNotCarryIsRejected() {
        SortedMap<String, byte[]> signedFiles = withRevision(foundation, "tampered-4");
        signedFiles.put("dataembassy/missing/missing.rego", "package dataembassy.missing\n".getBytes(StandardCharsets.UTF_8));
        byte[] signatures = bundles.signatures(signedFiles);
        signedFiles.remove("dataembassy/missing/missing.rego");
        Map<String, byte[]> entries = new LinkedHashMap<>(signedFiles);
        entries.put(BundleBuilder.SIGNATURES_FILE, signatures);

        assertRejected(entries);
    }

    @Test
    void anUnsignedBundleIsRejected() {
        assertRejected(new LinkedHashMap<>(withRevision(allowAll(foundation), "tampered-5")));
    }

    /** Serves the bytes, waits until OPA has downloaded and processed them, and checks nothing changed. */
    private void assertRejected(Map<String, byte[]> entries) {
        PolicyBundles.Served tampered = bundles.serve(BundleBuilder.tarGz(entries), "tampered");
        awaitProcessed(tampered);

        assertThat(probe.bundleRevision(endpoint.baseUrl())).hasValue(active.revision());
        assertThat(As.user("aude", "AUDITOR", () -> engine.status()).bundleRevision()).isEqualTo(active.revision());
        PolicyDecision topSecret = decideTopSecret();
        assertThat(topSecret.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
        assertThat(topSecret.reasons()).extracting(Reason::code).containsExactly("CLASSIFICATION_NOT_PERMITTED");
        assertThat(decide("INTERNAL").outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
    }

    /**
     * OPA's downloader handles one download at a time: a request arriving after the first one answered
     * with these bytes means OPA has finished with them (activated, or rejected: then it downloads them
     * again at every poll and keeps rejecting them).
     */
    private void awaitProcessed(PolicyBundles.Served served) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            long sent = served.firstSent();
            return sent > 0 && bundles.requests() > sent;
        });
    }

    private void awaitRevision(String revision) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> probe.bundleRevision(endpoint.baseUrl()).orElse("").equals(revision));
    }

    private PolicyDecision decideTopSecret() {
        return decide("TOP_SECRET");
    }

    private PolicyDecision decide(String classification) {
        return As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:signed-bundle", Map.of("agreement", "ee_lu", "dataset",
                Map.of("classification", classification, "personal_data", false, "register", "")))));
    }

    private String dataAt(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(endpoint.baseUrl() + "/v1/data/" + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("result").asText("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> download(String authorization, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PolicyBundles.PATH)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Path opaHome() {
        return bundles.home();
    }

    private static SortedMap<String, byte[]> allowAll(SortedMap<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(ONBOARDING, ALLOW_ALL.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static SortedMap<String, byte[]> withRevision(SortedMap<String, byte[]> files, String revision) {
        try {
            SortedMap<String, byte[]> copy = new TreeMap<>(files);
            var manifest = (ObjectNode) JSON.readTree(files.get(".manifest"));
            manifest.put("revision", revision);
            copy.put(".manifest", JSON.writeValueAsBytes(manifest));
            return copy;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
