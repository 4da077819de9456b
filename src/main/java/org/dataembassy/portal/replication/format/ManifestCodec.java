package org.dataembassy.portal.replication.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ManifestSigner;
import org.dataembassy.portal.replication.crypto.ObjectType;

/**
 * Encodes, signs and seals manifests; opens, verifies and decodes them. Decoding rejects
 * absolute paths, ".." segments, empty segments and backslashes with a {@link FormatException}.
 */
public final class ManifestCodec {
    private ManifestCodec() {
    }

    public static byte[] encodeBody(Manifest m) {
        BinaryWriter w = new BinaryWriter().magic("DEMF", 1).string(m.datasetId()).i64(m.createdMillis())
                .string(m.stateId()).string(m.label()).i32(m.entries().size());
        for (ManifestEntry e : m.entries()) {
            w.u8(e.type().code()).string(e.path()).i32(e.mode()).i64(e.mtimeMillis()).i64(e.size())
                    .raw(e.type() == EntryType.FILE ? Hashes.unhex(e.sha256()) : new byte[32])
                    .string(e.linkTarget() == null ? "" : e.linkTarget()).i32(e.chunks().size());
            for (String c : e.chunks()) {
                w.raw(Hashes.unhex(c));
            }
        }
        return w.toByteArray();
    }

    public static Manifest decodeBody(byte[] body, String objectName) {
        BinaryReader r = new BinaryReader(body, objectName);
        r.magic("DEMF", 1);
        String ds = r.string();
        long created = r.i64();
        String state = r.string();
        String label = r.string();
        int count = r.count(r.remaining() / 59, "entry count");
        List<ManifestEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EntryType type = EntryType.of(r.u8());
            if (type == null) {
                throw r.fail("unknown entry type");
            }
            String path = checkPath(r.string(), r);
            int mode = r.i32();
            long mtime = r.i64();
            long size = r.i64();
            byte[] hash = r.raw(32);
            String link = r.string();
            int chunkCount = r.count(r.remaining() / 32, "chunk count");
            List<String> chunks = new ArrayList<>(chunkCount);
            for (int c = 0; c < chunkCount; c++) {
                chunks.add(Hashes.hex(r.raw(32)));
            }
            if (size < 0 || (type != EntryType.FILE && !chunks.isEmpty())) {
                throw r.fail("inconsistent entry " + path);
            }
            entries.add(new ManifestEntry(type, path, mode, mtime, size,
                    type == EntryType.FILE ? Hashes.hex(hash) : "", type == EntryType.SYMLINK ? link : null, chunks));
        }
        r.end();
        return new Manifest(ds, created, state, label, entries);
    }

    static String checkPath(String path, BinaryReader r) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            throw r.fail("unsafe path");
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals("..") || seg.equals(".")) {
                throw r.fail("unsafe path");
            }
        }
        return path;
    }

    public static byte[] seal(Manifest m, byte[] signingPrivateKey, DataCipher cipher) {
        byte[] body = encodeBody(m);
        byte[] sig = ManifestSigner.sign(signingPrivateKey, body);
        byte[] plain = Arrays.copyOf(body, body.length + sig.length);
        System.arraycopy(sig, 0, plain, body.length, sig.length);
        return cipher.seal(ObjectType.MANIFEST, new byte[0], plain);
    }

    /** Opens, verifies the Ed25519 signature, decodes; checks the dataset id. */
    public static Manifest open(byte[] sealed, DataCipher cipher, byte[] signingPublicKey, String datasetId, String objectName) {
        byte[] plain = cipher.open(ObjectType.MANIFEST, new byte[0], sealed, objectName);
        if (plain.length < ManifestSigner.SIGNATURE_LENGTH) {
            throw new FormatException(objectName + ": manifest too short");
        }
        byte[] body = Arrays.copyOf(plain, plain.length - ManifestSigner.SIGNATURE_LENGTH);
        byte[] sig = Arrays.copyOfRange(plain, body.length, plain.length);
        if (!ManifestSigner.verify(signingPublicKey, body, sig)) {
            throw new IntegrityException("manifest signature invalid", List.of(objectName));
        }
        Manifest m = decodeBody(body, objectName);
        if (!m.datasetId().equals(datasetId)) {
            throw new IntegrityException("manifest belongs to another dataset", List.of(objectName));
        }
        return m;
    }
}
