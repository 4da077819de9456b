package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.dataembassy.portal.agreements.VersionDiff;
import org.dataembassy.portal.agreements.VersionDiff.Kind;
import org.junit.jupiter.api.Test;

class LineDiffTests {

    @Test
    void pairsAChangedLineAndKeepsTheRestSame() {
        VersionDiff.FileDiff diff = LineDiff.compare("terms", "a\nb\nc\n", "a\nB\nc\n");
        assertThat(diff.rows()).extracting(VersionDiff.Row::kind).containsExactly(Kind.SAME, Kind.CHANGED, Kind.SAME);
        assertThat(diff.rows().get(1)).isEqualTo(new VersionDiff.Row(Kind.CHANGED, 2, "b", 2, "B"));
        assertThat(diff.changed()).isTrue();
    }

    @Test
    void insertionsAndDeletionsKeepTheirLineNumbers() {
        VersionDiff.FileDiff diff = LineDiff.compare("rego", "a\nc\nd\n", "a\nb\nc\n");
        assertThat(diff.rows()).containsExactly(
                new VersionDiff.Row(Kind.SAME, 1, "a", 1, "a"),
                new VersionDiff.Row(Kind.ADDED, 0, "", 2, "b"),
                new VersionDiff.Row(Kind.SAME, 2, "c", 3, "c"),
                new VersionDiff.Row(Kind.REMOVED, 3, "d", 0, ""));
    }

    @Test
    void identicalTextsAreUnchanged() {
        assertThat(LineDiff.compare("tests", "x\ny", "x\ny").changed()).isFalse();
        assertThat(LineDiff.compare("tests", "", "").rows()).isEmpty();
    }

    /** Reading the left column gives the old text and the right column the new one, whatever the edit. */
    @Property(tries = 300)
    void bothSidesAreReproducedInOrder(@ForAll @Size(max = 12) List<@StringLength(max = 2) String> left,
                                       @ForAll @Size(max = 12) List<@StringLength(max = 2) String> right) {
        List<String> l = left.stream().map(s -> s.replace("\n", "")).toList();
        List<String> r = right.stream().map(s -> s.replace("\n", "")).toList();
        VersionDiff.FileDiff diff = LineDiff.compare("x", String.join("\n", l), String.join("\n", r));
        List<String> leftBack = new ArrayList<>();
        List<String> rightBack = new ArrayList<>();
        for (VersionDiff.Row row : diff.rows()) {
            if (row.leftLine() > 0) {
                assertThat(row.leftLine()).isEqualTo(leftBack.size() + 1);
                leftBack.add(row.left());
            }
            if (row.rightLine() > 0) {
                assertThat(row.rightLine()).isEqualTo(rightBack.size() + 1);
                rightBack.add(row.right());
            }
            if (row.kind() == Kind.SAME) {
                assertThat(row.left()).isEqualTo(row.right());
            }
        }
        assertThat(leftBack).isEqualTo(lines(l));
        assertThat(rightBack).isEqualTo(lines(r));
    }

    private static List<String> lines(List<String> parts) {
        String text = String.join("\n", parts);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            all.remove(all.size() - 1);
        }
        return all;
    }
}
