package org.dataembassy.portal.agreements;

import java.util.List;

/** Side-by-side differences between two versions, per part (terms, Rego, tests). */
public record VersionDiff(String agreementKey, int from, int to, List<FileDiff> files) {

    public VersionDiff {
        files = List.copyOf(files);
    }

    /** One part compared line by line; {@code rows} pairs left and right lines. */
    public record FileDiff(String name, List<Row> rows) {
        public FileDiff {
            rows = List.copyOf(rows);
        }

        public boolean changed() {
            return rows.stream().anyMatch(r -> r.kind() != Kind.SAME);
        }
    }

    /** A row of a side-by-side diff; line numbers are 1-based, 0 where that side has no line. */
    public record Row(Kind kind, int leftLine, String left, int rightLine, String right) {
    }

    public enum Kind {
        SAME,
        REMOVED,
        ADDED,
        CHANGED
    }
}
