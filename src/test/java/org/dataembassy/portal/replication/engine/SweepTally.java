package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of one group of tamperings (e.g. flips of a pack) and the first few that were not rejected. */
final class SweepTally {
    private static final int KEPT_FAILURES = 10;
    private final Map<String, Long> facts = new LinkedHashMap<>();
    private long tampered;
    private long rejected;
    private long restoreRejected;
    private long decrypted;
    private long silentlyAccepted;
    private long untyped;
    private final List<String> failures = new ArrayList<>();

    /** Extra figures shown with the counts (object size, positions swept …). */
    SweepTally fact(String name, long value) {
        facts.merge(name, value, Long::sum);
        return this;
    }

    void add(String what, ReaderProbe.Verdict v) {
        tampered++;
        if (v.restoreRejected()) {
            restoreRejected++;
        }
        switch (v.outcome()) {
            case REJECTED -> rejected++;
            case DECRYPTED -> decrypted++;
            case SILENTLY_ACCEPTED -> silentlyAccepted++;
            case UNTYPED -> untyped++;
        }
        if (v.outcome() != ReaderProbe.Outcome.REJECTED && failures.size() < KEPT_FAILURES) {
            failures.add(what + ": " + v.outcome() + " " + v.detail());
        }
    }

    long tampered() {
        return tampered;
    }

    long rejected() {
        return rejected;
    }

    long decrypted() {
        return decrypted;
    }

    long silentlyAccepted() {
        return silentlyAccepted;
    }

    long untyped() {
        return untyped;
    }

    List<String> failures() {
        return failures;
    }

    String json(String indent) {
        StringBuilder b = new StringBuilder("{");
        facts.forEach((k, v) -> b.append('"').append(k).append("\": ").append(v).append(", "));
        b.append("\"tampered\": ").append(tampered).append(", \"rejected\": ").append(rejected)
                .append(", \"rejectedByRestore\": ").append(restoreRejected)
                .append(", \"decrypted\": ").append(decrypted).append(", \"silentlyAccepted\": ").append(silentlyAccepted)
                .append(", \"untypedException\": ").append(untyped);
        if (!failures.isEmpty()) {
            b.append(",\n").append(indent).append("  \"failures\": [");
            for (int i = 0; i < failures.size(); i++) {
                b.append(i == 0 ? "" : ", ").append('"').append(escape(failures.get(i))).append('"');
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    /** Writes {@code {"section": {"group": {...}, ...}, ...}} with sections and groups in insertion order. */
    static void write(Path file, Map<String, String> header, Map<String, Map<String, SweepTally>> sections) {
        StringBuilder b = new StringBuilder("{\n");
        header.forEach((k, v) -> b.append("  \"").append(k).append("\": ").append(v).append(",\n"));
        int s = 0;
        for (var section : sections.entrySet()) {
            b.append("  \"").append(section.getKey()).append("\": {\n");
            int g = 0;
            for (var group : section.getValue().entrySet()) {
                b.append("    \"").append(group.getKey()).append("\": ").append(group.getValue().json("    "))
                        .append(++g < section.getValue().size() ? ",\n" : "\n");
            }
            b.append("  }").append(++s < sections.size() ? ",\n" : "\n");
        }
        b.append("}\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
