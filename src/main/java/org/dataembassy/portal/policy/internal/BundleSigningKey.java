package org.dataembassy.portal.policy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.dataembassy.portal.shared.SecretFiles;

/**
 * The key pair that signs policy bundles, and the bearer token OPA presents to fetch them. Both are created
 * on first start under {@code <data-dir>/opa/signing/}: {@code bundle-signing-key.pem} (PKCS#8, RSA 3072,
 * owner read/write only), {@code bundle-signing-key.pub.pem} (what an OPA verifies with) and
 * {@code bundle-token} (owner read/write only). Secrets are never logged and never in {@link #toString()}.
 */
public final class BundleSigningKey {

    static final String PRIVATE_KEY_FILE = "bundle-signing-key.pem";
    static final String PUBLIC_KEY_FILE = "bundle-signing-key.pub.pem";
    static final String TOKEN_FILE = "bundle-token";

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String token;

    private BundleSigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey, String token) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.token = token;
    }

    /** Loads the key and token from {@code dir}, creating them if absent; a configured token wins over the file. */
    static BundleSigningKey loadOrCreate(Path dir, String keyId, String configuredToken) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("dataembassy.policy.bundle-key-id must not be empty");
        }
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(3072, new SecureRandom());
                SecretFiles.write(privateFile, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
            }
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile, StandardCharsets.US_ASCII))));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", publicKey.getEncoded()),
                    StandardCharsets.US_ASCII);

            String token = SecretFiles.tokenOrGenerated(configuredToken, dir.resolve(TOKEN_FILE));
            return new BundleSigningKey(keyId, privateKey, publicKey, token);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load or create the bundle signing key in " + dir, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the bundle signing key in " + dir + " is unusable (" + e.getClass().getSimpleName()
                    + "); move it away to have a new one generated", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    public String keyId() {
        return keyId;
    }

    /** JWT algorithm, as OPA's {@code keys.<id>.algorithm} expects it. */
    public String algorithm() {
        return BundleBuilder.ALGORITHM;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The bearer token a bundle download must present. */
    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "BundleSigningKey[" + keyId + "]";
    }
}
