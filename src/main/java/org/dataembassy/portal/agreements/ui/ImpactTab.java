package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.stream.Collectors;
import org.dataembassy.portal.agreements.AgreementImpact;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.ChangedDecision;
import org.dataembassy.portal.agreements.ImpactReport;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.shared.InvalidInputException;

/** The "Impact" tab: recorded decisions replayed against this version, and those whose outcome or reasons change. */
final class ImpactTab extends VerticalLayout {

    ImpactTab(AgreementImpact impact, AgreementVersion version) {
        IntegerField days = new IntegerField("Replay decisions of the last … days");
        days.setId("impact-days");
        days.setValue(30);
        days.setMin(1);
        days.setMax(3650);
        Div summary = new Div();
        summary.setId("impact-summary");
        Grid<ChangedDecision> grid = new Grid<>(ChangedDecision.class, false);
        grid.setId("impact");
        grid.addColumn(c -> AgreementView.when(c.decidedAt())).setHeader("Decided").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChangedDecision::entryPoint).setHeader("Entry point").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChangedDecision::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(c -> c.before() + " → " + c.after()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(c -> codes(c.reasonsBefore()) + " → " + codes(c.reasonsAfter())).setHeader("Reasons")
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        Button replay = new Button("Replay against this version", e -> {
            days.setInvalid(false);
            try {
                ImpactReport report = impact.impact(version.agreementKey(), version.version(),
                        days.getValue() == null ? 0 : days.getValue());
                grid.setItems(report.changed());
                summary.setText(report.replayed() + " recorded decisions replayed; " + report.changed().size()
                        + " would change.");
            } catch (InvalidInputException ex) {
                days.setErrorMessage(ex.fieldErrors().getOrDefault("days", ex.getMessage()));
                days.setInvalid(true);
            } catch (PolicyRejectedException ex) { // e.g. a version saved before the sandbox, using http.send
                grid.setItems(List.of());
                summary.setText(ex.getMessage());
            }
        });
        replay.setId("replay");
        add(new Paragraph("Recorded decisions about this agreement, replayed at their original "
                + "time against this version: every decision whose outcome or reasons would change."), days, replay,
                summary, grid);
    }

    private static String codes(List<Reason> reasons) {
        return reasons.isEmpty() ? "none" : reasons.stream().map(Reason::code).collect(Collectors.joining(", "));
    }
}
