package org.dataembassy.portal.replication.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** Ed25519 signatures over manifests (JDK provider). Keys travel in X.509 / PKCS#8 encodings. */
public final class ManifestSigner {
    public static final int SIGNATURE_LENGTH = 64;
    private static final byte[] DOMAIN = "dataembassy-manifest-v1".getBytes(StandardCharsets.US_ASCII);

    private ManifestSigner() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(byte[] pkcs8PrivateKey, byte[] body) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(DOMAIN);
            s.update(body);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign manifest: " + e.getMessage(), e);
        }
    }

    public static boolean verify(byte[] x509PublicKey, byte[] body, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509PublicKey));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(DOMAIN);
            s.update(body);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
