package org.dataembassy.portal.replication.format;

import java.util.regex.Pattern;

/** Object naming of the replication format (see docs/replication-format.md, section 2). */
public final class ObjectNames {
    public static final Pattern DATASET_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9]{8}-[0-9a-f]{16}");

    private ObjectNames() {
    }

    public static String checkDataset(String ds) {
        if (ds == null || !DATASET_ID.matcher(ds).matches()) {
            throw new IllegalArgumentException("invalid dataset id (want [a-z0-9][a-z0-9-]{0,62}): " + ds);
        }
        return ds;
    }

    public static String root(String ds) {
        return "datasets/" + checkDataset(ds) + "/";
    }

    public static String keysPrefix(String ds) {
        return root(ds) + "keys/";
    }

    public static String key(String ds, int generation, String kekFingerprintHex) {
        return keysPrefix(ds) + String.format("%08d", generation) + "-" + kekFingerprintHex.substring(0, 16);
    }

    /** Generation number of a key bundle object name. */
    public static int keyGeneration(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return Integer.parseInt(base.substring(0, 8));
    }

    public static String packsPrefix(String ds) {
        return root(ds) + "packs/";
    }

    public static String pack(String ds, String id) {
        return packsPrefix(ds) + id;
    }

    public static String indexPrefix(String ds) {
        return root(ds) + "index/";
    }

    public static String index(String ds, String id) {
        return indexPrefix(ds) + id;
    }

    public static String snapshotsPrefix(String ds) {
        return root(ds) + "snapshots/";
    }

    public static String snapshot(String ds, String id) {
        return snapshotsPrefix(ds) + id;
    }

    /** Last path segment (the content hash for packs, indexes and snapshots). */
    public static String id(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * True if {@code name} is a name this format writes for dataset {@code ds}. Anything else
     * under the dataset (e.g. a partial upload a server left visible) is foreign and never
     * referenced.
     */
    public static boolean isFormatName(String ds, String name) {
        String id = id(name);
        if (name.equals(keysPrefix(ds) + id)) {
            return KEY_ID.matcher(id).matches();
        }
        return (name.equals(packsPrefix(ds) + id) || name.equals(indexPrefix(ds) + id) || name.equals(snapshotsPrefix(ds) + id))
                && isHash(id);
    }

    public static boolean isHash(String id) {
        return HASH.matcher(id).matches();
    }
}
