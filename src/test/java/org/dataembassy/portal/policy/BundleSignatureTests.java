package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed bundle format OPA verifies ("Bundle signature"). The expected hashes of structured files were
 * computed by {@code opa sign} (OPA 1.22.3) on the same bytes; the end-to-end check against a real OPA is
 * {@code SignedBundleIT}.
 */
class BundleSignatureTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void hashesRegoFilesAsTheirBytes() throws Exception {
        byte[] rego = "package dataembassy.x\n\nallow := true\n".getBytes(StandardCharsets.UTF_8);
        assertThat(BundleBuilder.fileHash("dataembassy/x/x.rego", rego))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rego)));
    }

    @Test
    void hashesDataJsonInOpasCanonicalFormLikeOpaSign() {
        // sorted keys (code point order), no whitespace, numbers verbatim, Go escaping without HTML escaping
        String data = "{\"b\": [1, 1.50, 1e2, -0, 12345678901234567890], \"a\": {\"z\": \"tab\\there \\u0001 \\b\\f <&> "
                + "\\u2028 \u00e9 \uD83D\uDE00 \\\"q\\\" \\\\\", \"\\ue000\": true, \"\\ud83d\\ude00\": null, \"y\": false}}\n";
        assertThat(BundleBuilder.fileHash("x/data.json", data.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("51612608f4a604764753902d08ee41d151a2f5148701a614d0959e15a1f0dbed");
    }

    @Test
    void hashesTheManifestIndependentlyOfItsLayout() {
        String pretty = "{\n  \"revision\": \"foundation-1\",\n  \"roots\": [\"dataembassy\"],\n  \"rego_version\": 1\n}\n";
        String compact = "{\"revision\":\"foundation-1\",\"roots\":[\"dataembassy\"],\"rego_version\":1}";
        String byOpa = "00abc5f79e6720cd12bb476ec936995a749d0d0db20e848940503fa31d37ec27";
        assertThat(BundleBuilder.fileHash(".manifest", pretty.getBytes(StandardCharsets.UTF_8))).isEqualTo(byOpa);
        assertThat(BundleBuilder.fileHash(".manifest", compact.getBytes(StandardCharsets.UTF_8))).isEqualTo(byOpa);
        assertThat(BundleBuilder.fileHash(".manifest", "{\"revision\":\"v\",\"roots\":[\"x\"]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("075e04a5ae9670086e5f938c6ae45834b60d20f6766d4f0d0debf1e955da1051");
    }

    @Test
    void signsOneJwtWithKidHeaderKeyidClaimAndEveryFileHashed() throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>(Map.of(
                ".manifest", "{\"revision\":\"r1\",\"roots\":[\"dataembassy\"]}".getBytes(StandardCharsets.UTF_8),
                "dataembassy/a/a.rego", "package dataembassy.a\n".getBytes(StandardCharsets.UTF_8),
                "dataembassy/a/data.json", "{\"k\": 1}".getBytes(StandardCharsets.UTF_8)));

        JsonNode signatures = JSON.readTree(BundleBuilder.signatures(files, keys.getPrivate(), "signer-7"));
        assertThat(signatures.fieldNames()).toIterable().containsExactly("signatures");
        assertThat(signatures.path("signatures")).hasSize(1);
        String[] jwt = signatures.path("signatures").path(0).asText().split("\\.");
        assertThat(jwt).hasSize(3);

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo("signer-7");

        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(payload.path("keyid").asText()).isEqualTo("signer-7");
        assertThat(payload.has("scope")).isFalse();
        assertThat(payload.path("files")).hasSize(3);
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode file : payload.path("files")) {
            assertThat(file.path("algorithm").asText()).isEqualTo("SHA-256");
            listed.put(file.path("name").asText(), file.path("hash").asText());
        }
        assertThat(listed).containsOnlyKeys(".manifest", "dataembassy/a/a.rego", "dataembassy/a/data.json");
        files.forEach((name, content) -> assertThat(listed.get(name)).isEqualTo(BundleBuilder.fileHash(name, content)));

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void refusesToSignWithoutKeyId() {
        Map<String, byte[]> files = Map.of(".manifest", "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BundleBuilder.signatures(files, keys.getPrivate(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
    }

    @Test
    void packsRulesAndDataWithTheSignatureButNotTestsAndIsReproducible(@TempDir Path folder) throws Exception {
        write(folder, ".manifest", "{\"revision\":\"r2\",\"roots\":[\"dataembassy\"]}");
        write(folder, "dataembassy/a/a.rego", "package dataembassy.a\n");
        write(folder, "dataembassy/a/a_test.rego", "package dataembassy.a_test\n");
        write(folder, "dataembassy/a/data.json", "{}");
        write(folder, "dataembassy/a/README.md", "notes");
        write(folder, "dataembassy/testdata/a/data.json", "{\"cases\": []}");

        byte[] bundle = BundleBuilder.buildSigned(folder, keys.getPrivate(), "k");
        Map<String, byte[]> entries = untar(bundle);
        assertThat(entries.keySet()).containsExactly("/.manifest", "/dataembassy/a/a.rego", "/dataembassy/a/data.json",
                "/.signatures.json");
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(JSON.readTree(entries.get("/.signatures.json"))
                .path("signatures").path(0).asText().split("\\.")[1]));
        assertThat(payload.path("files").findValuesAsText("name"))
                .containsExactly(".manifest", "dataembassy/a/a.rego", "dataembassy/a/data.json");
        assertThat(BundleBuilder.buildSigned(folder, keys.getPrivate(), "k")).isEqualTo(bundle);
        assertThat(BundleBuilder.revision(BundleBuilder.readFolder(folder))).isEqualTo("r2");
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Minimal ustar reader: name (with prefix), size, content. */
    static Map<String, byte[]> untar(byte[] tarGz) throws IOException {
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tarGz)).readAllBytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            long size = Long.parseLong(field(tar, at + 124, 12).trim(), 8);
            long sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += (i >= 148 && i < 156) ? ' ' : tar[at + i] & 0xff;
            }
            assertThat(Long.parseLong(field(tar, at + 148, 8).trim(), 8)).as("checksum of " + name).isEqualTo(sum);
            byte[] content = Arrays.copyOfRange(tar, at + 512, at + 512 + (int) size);
            entries.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        return entries;
    }

    private static String field(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
    }

}
