package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.agreements.AgreementReview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.VersionDiff;

/**
 * The "Compare" tab: terms, Rego and tests of this version side by side with another version of the agreement
 * (the one it is based on, else the newest other), changed rows with two lines of context.
 */
final class CompareTab extends VerticalLayout {

    private final int version;

    CompareTab(AgreementReview review, AgreementVersion version, List<AgreementVersion> all) {
        this.version = version.version();
        Select<Integer> other = new Select<>();
        other.setLabel("Compare with version");
        other.setId("compare-with");
        List<Integer> versions = all.stream().map(AgreementVersion::version).filter(v -> v != this.version).toList();
        other.setItems(versions);
        other.setItemLabelGenerator(v -> "v" + v);
        Div diff = new Div();
        diff.setId("diff");
        diff.setWidthFull();
        other.addValueChangeListener(e -> {
            diff.removeAll();
            if (e.getValue() != null) {
                VersionDiff d = review.diff(version.agreementKey(), e.getValue(), this.version);
                d.files().forEach(f -> diff.add(fileDiff(f, e.getValue())));
            }
        });
        Integer preferred = version.basedOn() != null ? version.basedOn() : versions.isEmpty() ? null : versions.get(0);
        if (preferred != null && versions.contains(preferred)) {
            other.setValue(preferred);
        }
        add(other, diff);
    }

    private Component fileDiff(VersionDiff.FileDiff file, int from) {
        VerticalLayout part = new VerticalLayout();
        part.setPadding(false);
        part.add(new Paragraph(file.name() + (file.changed() ? " — changed" : " — unchanged")));
        if (!file.changed()) {
            return part;
        }
        Grid<VersionDiff.Row> grid = new Grid<>(VersionDiff.Row.class, false);
        grid.addClassName("diff-" + file.name());
        grid.addColumn(r -> r.leftLine() == 0 ? "" : String.valueOf(r.leftLine())).setHeader("v" + from).setWidth("4em")
                .setFlexGrow(0);
        grid.addColumn(VersionDiff.Row::left).setHeader("before").setFlexGrow(1);
        grid.addColumn(r -> r.rightLine() == 0 ? "" : String.valueOf(r.rightLine())).setHeader("v" + version)
                .setWidth("4em").setFlexGrow(0);
        grid.addColumn(VersionDiff.Row::right).setHeader("after").setFlexGrow(1);
        grid.setPartNameGenerator(r -> r.kind() == VersionDiff.Kind.SAME ? null : "diff-" + r.kind().name().toLowerCase());
        grid.setItems(changedWithContext(file.rows()));
        grid.setAllRowsVisible(true);
        part.add(grid);
        return part;
    }

    /** Only changed rows and two lines of context around them. */
    private static List<VersionDiff.Row> changedWithContext(List<VersionDiff.Row> rows) {
        List<VersionDiff.Row> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean near = false;
            for (int j = Math.max(0, i - 2); j <= Math.min(rows.size() - 1, i + 2); j++) {
                near |= rows.get(j).kind() != VersionDiff.Kind.SAME;
            }
            if (near) {
                shown.add(rows.get(i));
            }
        }
        return shown;
    }
}
