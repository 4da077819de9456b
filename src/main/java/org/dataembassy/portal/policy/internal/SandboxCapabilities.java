package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The builtins no policy tree may use (network, runtime, clock, randomness), read from the one list
 * {@value #RESOURCE} that {@code scripts/opa-sandbox-capabilities.sh} reads too. Turns OPA's own capabilities
 * ({@code opa capabilities --current}) into the sandbox's: those builtins removed and {@code allow_net} empty
 * (no remote schema {@code $ref}s, no host for any network builtin), and explains OPA's "undefined function"
 * for a removed builtin in words a legal officer understands.
 */
public final class SandboxCapabilities {

    public static final String RESOURCE = "opa/sandbox-removed-builtins.txt";

    private static final Pattern LINE = Pattern.compile("([a-z0-9_.]+)\\s+(\\S.*)");
    private static final Pattern UNDEFINED = Pattern.compile("undefined function ([a-z0-9_.]+)");

    private final Map<String, String> removed;

    private SandboxCapabilities(Map<String, String> removed) {
        this.removed = Collections.unmodifiableMap(removed);
    }

    /** The list shipped in the jar. */
    public static SandboxCapabilities load() {
        try (InputStream in = SandboxCapabilities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the list of removed OPA builtins (" + RESOURCE + ") is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** Lines {@code <builtin> <why>}; blank lines and {@code #} comments are skipped. */
    static SandboxCapabilities parse(String text) {
        Map<String, String> removed = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not '<builtin> <why>' in " + RESOURCE + ": " + line);
            }
            if (removed.put(m.group(1), m.group(2).strip()) != null) {
                throw new IllegalArgumentException("listed twice in " + RESOURCE + ": " + m.group(1));
            }
        }
        if (removed.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " lists no builtin");
        }
        return new SandboxCapabilities(removed);
    }

    /** Removed builtin → why, in the order of the list. */
    public Map<String, String> removed() {
        return removed;
    }

    /**
     * {@code current} (OPA's capabilities JSON) without the removed builtins and with {@code "allow_net": []};
     * everything else (features, future keywords, every other builtin) as OPA has it.
     */
    public ObjectNode restrict(JsonNode current) {
        if (!current.path("builtins").isArray()) {
            throw new IllegalArgumentException("not OPA capabilities: no builtins array");
        }
        ObjectNode restricted = current.deepCopy();
        ArrayNode kept = restricted.putArray("builtins");
        for (JsonNode builtin : current.path("builtins")) {
            if (!removed.containsKey(builtin.path("name").asText())) {
                kept.add(builtin);
            }
        }
        restricted.putArray("allow_net");
        return restricted;
    }

    /** Listed builtins this OPA does not have (renamed or dropped upstream): the list needs a look. */
    public List<String> unknownTo(JsonNode current) {
        Set<String> present = new HashSet<>();
        current.path("builtins").forEach(b -> present.add(b.path("name").asText()));
        List<String> unknown = new ArrayList<>();
        removed.keySet().stream().filter(name -> !present.contains(name)).forEach(unknown::add);
        return unknown;
    }

    /**
     * OPA's {@code undefined function http.send} for a removed builtin, as "http.send is not available in treaty
     * rules: they may not reach the network"; any other message is not this class's to explain.
     */
    public Optional<String> explain(String opaMessage) {
        Matcher m = UNDEFINED.matcher(opaMessage == null ? "" : opaMessage);
        while (m.find()) {
            String why = removed.get(m.group(1));
            if (why != null) {
                return Optional.of(m.group(1) + " is not available in treaty rules: " + why);
            }
        }
        return Optional.empty();
    }
}
