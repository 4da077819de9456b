package org.dataembassy.portal.agreements.internal;

import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.agreements.VersionDiff;

/**
 * Side-by-side line diff by longest common subsequence. Texts here are treaty files of a few hundred lines,
 * so the quadratic table is small; inputs beyond {@value #MAX_LINES} lines per side are compared as whole
 * replacements rather than risking memory.
 */
public final class LineDiff {

    static final int MAX_LINES = 5000;

    private LineDiff() {
    }

    public static VersionDiff.FileDiff compare(String name, String left, String right) {
        List<String> a = lines(left);
        List<String> b = lines(right);
        List<VersionDiff.Row> rows = new ArrayList<>();
        if ((long) a.size() * b.size() > (long) MAX_LINES * MAX_LINES / 4) {
            pair(rows, a, 0, a.size(), b, 0, b.size());
            return new VersionDiff.FileDiff(name, rows);
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add(new VersionDiff.Row(VersionDiff.Kind.SAME, i + 1, a.get(i), j + 1, b.get(j)));
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while ((i < a.size() || j < b.size()) && !(i < a.size() && j < b.size() && a.get(i).equals(b.get(j)))) {
                if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            pair(rows, a, i0, i, b, j0, j);
        }
        return new VersionDiff.FileDiff(name, rows);
    }

    /** Removed lines a[i0..i1) beside added lines b[j0..j1): paired as CHANGED, the rest REMOVED or ADDED. */
    private static void pair(List<VersionDiff.Row> rows, List<String> a, int i0, int i1, List<String> b, int j0, int j1) {
        int n = Math.max(i1 - i0, j1 - j0);
        for (int k = 0; k < n; k++) {
            boolean hasLeft = i0 + k < i1;
            boolean hasRight = j0 + k < j1;
            VersionDiff.Kind kind = hasLeft && hasRight ? VersionDiff.Kind.CHANGED
                    : hasLeft ? VersionDiff.Kind.REMOVED : VersionDiff.Kind.ADDED;
            rows.add(new VersionDiff.Row(kind, hasLeft ? i0 + k + 1 : 0, hasLeft ? a.get(i0 + k) : "",
                    hasRight ? j0 + k + 1 : 0, hasRight ? b.get(j0 + k) : ""));
        }
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split("\n", -1);
        List<String> all = List.of(parts);
        return text.endsWith("\n") ? all.subList(0, parts.length - 1) : all;
    }
}
