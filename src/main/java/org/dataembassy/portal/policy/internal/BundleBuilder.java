package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a signed OPA bundle ({@code .tar.gz}) from a policy folder, in the format OPA verifies.
 *
 * <p>What goes in: {@code .manifest}, every {@code *.rego} except {@code *_test.rego}, and every
 * {@code data.json} outside {@code testdata/} folders. Tests are left out on purpose: they run in {@code make test} ({@code opa test}) and
 * in the editor, and a served bundle only needs the rules (test packages would otherwise be queryable
 * through the Data API). Anything else in the folder (README, {@code data.yaml}, an old
 * {@code .signatures.json}) is not part of the bundle.
 *
 * <p>Signature ({@code /.signatures.json}, see OPA "Bundle signature"): {@code {"signatures":["<JWT>"]}},
 * one compact JWS signed RS256 whose protected header carries {@code kid} and whose payload is
 * {@code {"files":[{"name","hash","algorithm":"SHA-256"}...],"keyid":"<kid>"}}. Names are the paths inside
 * the bundle without a leading slash. The hash of a {@code .rego} file is SHA-256 of its bytes; the hash of
 * a structured file ({@code data.json}, {@code .manifest}) is SHA-256 of OPA's canonical form: objects with
 * keys in byte order, no whitespace, numbers as written, strings escaped as Go's {@code encoding/json}
 * does without HTML escaping. RS256 is deterministic and the tar has fixed times, so the same folder and
 * key always give the same bytes (and the same ETag).
 */
public final class BundleBuilder {

    public static final String SIGNATURES_FILE = ".signatures.json";
    public static final String ALGORITHM = "RS256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleBuilder() {
    }

    /** The bundle files of a policy folder, by path inside the bundle (e.g. {@code dataembassy/x/x.rego}). */
    public static SortedMap<String, byte[]> readFolder(Path folder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (isBundleFile(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the policy folder " + folder, e);
        }
        if (!files.containsKey(".manifest")) {
            throw new IllegalArgumentException("no .manifest in the policy folder " + folder);
        }
        return files;
    }

    public static boolean isBundleFile(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (name.startsWith("testdata/") || name.contains("/testdata/")) {
            return false; // case tables are test inputs, like the _test.rego files that read them
        }
        return name.equals(".manifest") || base.equals("data.json")
                || (base.endsWith(".rego") && !base.endsWith("_test.rego"));
    }

    /** Signs the folder's bundle files and packs them with their {@code .signatures.json}. */
    public static byte[] buildSigned(Path folder, PrivateKey key, String keyId) {
        SortedMap<String, byte[]> files = readFolder(folder);
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        entries.put(SIGNATURES_FILE, signatures(files, key, keyId));
        return tarGz(entries);
    }

    /** The {@code .signatures.json} content for these files: one RS256 JWT, {@code kid} always set. */
    public static byte[] signatures(Map<String, byte[]> files, PrivateKey key, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a bundle signature needs a key id");
        }
        try {
            ObjectNode header = JSON.createObjectNode().put("alg", ALGORITHM).put("kid", keyId).put("typ", "JWT");
            ObjectNode payload = JSON.createObjectNode();
            ArrayNode list = payload.putArray("files");
            files.forEach((name, content) -> list.addObject().put("name", name).put("hash", fileHash(name, content))
                    .put("algorithm", "SHA-256"));
            payload.put("keyid", keyId);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(payload));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String jwt = signingInput + "." + b64.encodeToString(rsa.sign());
            ObjectNode signatures = JSON.createObjectNode();
            signatures.putArray("signatures").add(jwt);
            return JSON.writeValueAsBytes(signatures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the policy bundle", e);
        }
    }

    /** Hex SHA-256 as OPA computes it for this bundle file (canonical JSON for structured files). */
    public static String fileHash(String name, byte[] content) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        boolean structured = base.equals("data.json") || base.equals(".manifest") || base.equals(SIGNATURES_FILE);
        byte[] hashed = structured ? CanonicalJson.of(content) : content;
        return HexFormat.of().formatHex(sha256(hashed));
    }

    /** The revision in a bundle's {@code .manifest}, or "" when it has none. */
    public static String revision(Map<String, byte[]> files) {
        try {
            return JSON.readTree(files.get(".manifest")).path("revision").asText("");
        } catch (IOException e) {
            throw new IllegalArgumentException(".manifest is not JSON", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gzipped ustar archive of these entries, each at {@code /<name>}, mode 0644, time 0, in the given order. */
    public static byte[] tarGz(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                gzip.write(tarHeader("/" + entry.getKey(), entry.getValue().length));
                gzip.write(entry.getValue());
                int pad = (512 - entry.getValue().length % 512) % 512;
                gzip.write(new byte[pad]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] tarHeader(String path, long size) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[0];
        if (name.length > 100) {
            int split = path.lastIndexOf('/');
            while (split > 0 && utf8Length(path.substring(0, split)) > 155) {
                split = path.lastIndexOf('/', split - 1);
            }
            if (split <= 0 || utf8Length(path.substring(split + 1)) > 100) {
                throw new IllegalArgumentException("bundle path too long for a tar header: " + path);
            }
            prefix = path.substring(0, split).getBytes(StandardCharsets.UTF_8);
            name = path.substring(split + 1).getBytes(StandardCharsets.UTF_8);
        }
        byte[] header = new byte[512];
        System.arraycopy(name, 0, header, 0, name.length);
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 0);
        header[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        System.arraycopy(prefix, 0, header, 345, prefix.length);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, header, 148, 6);
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        byte[] digits = String.format("%0" + (length - 1) + "o", value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, header, offset, digits.length);
        header[offset + length - 1] = 0;
    }
}
