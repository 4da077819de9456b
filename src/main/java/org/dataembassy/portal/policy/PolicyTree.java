package org.dataembassy.portal.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A complete policy source tree as OPA loads it: bundle files, tests beside them and the case tables, each a
 * path inside the bundle (e.g. {@code dataembassy/agreements/ee_lu/data.json}) mapped to its UTF-8 text.
 * Immutable; the {@code with…} methods return changed copies.
 */
public record PolicyTree(SortedMap<String, String> files) {

    public static final String MANIFEST = ".manifest";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        if (!files.containsKey(MANIFEST)) {
            throw new IllegalArgumentException("a policy tree needs a " + MANIFEST);
        }
        files.keySet().forEach(PolicyTree::checkPath);
    }

    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public PolicyTree with(String path, String content) {
        TreeMap<String, String> copy = new TreeMap<>(files);
        copy.put(path, content);
        return new PolicyTree(copy);
    }

    /** This tree without the files under {@code folder} (a path ending in {@code /}). */
    public PolicyTree withoutFolder(String folder) {
        TreeMap<String, String> copy = new TreeMap<>(files);
        copy.keySet().removeIf(path -> path.startsWith(folder));
        return new PolicyTree(copy);
    }

    /** The {@code revision} of the {@code .manifest}; empty string when it has none. */
    public String revision() {
        try {
            return JSON.readTree(files.get(MANIFEST)).path("revision").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException("the .manifest is not JSON", e);
        }
    }

    /** A copy whose {@code .manifest} carries this revision (roots and other fields kept). */
    public PolicyTree withRevision(String revision) {
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(files.get(MANIFEST));
            manifest.put("revision", revision);
            return with(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the .manifest is not a JSON object", e);
        }
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")
                || path.contains("//")) {
            throw new IllegalArgumentException("not a relative path inside a policy tree: " + path);
        }
    }
}
