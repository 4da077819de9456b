package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.shared.CountryCode;

/** One review in full: the event, the treaty findings with their articles, the decision, evidence and notice. */
class ReviewDetail extends VerticalLayout {

    ReviewDetail(JurisdictionReview review) {
        setPadding(false);
        add(new H4(review.eventKind().label() + " · " + review.agreementKey() + " (" + CountryCode.label(review.originatingState())
                + " → " + CountryCode.label(review.hostState()) + ")"));
        add(line("event", "Reported by " + review.reportedBy() + ": " + review.description()
                + (review.sites().isEmpty() ? "" : " · sites " + String.join(", ", review.sites()))));
        section("Treaty findings (OPA)", "finding", review.findings().isEmpty()
                ? List.of("The checks have not answered yet (they wait for the policy engine).") : review.findings());
        if (review.outcome() != null) {
            add(line("decision", "Outcome " + review.outcome() + " by " + review.assessedBy() + ": " + review.justification()));
        }
        if (review.confirmedBy() != null) {
            add(line("confirmation", "Evacuation answered by " + review.confirmedBy()
                    + (review.confirmationNote() == null || review.confirmationNote().isBlank() ? "" : ": " + review.confirmationNote())));
        }
        if (!review.evidence().isEmpty()) {
            section("Evidence", "evidence", review.evidence());
        }
        if (review.notification() != null) {
            section("Notice sent to the parties", "notification", List.of(review.notification()));
        }
    }

    private void section(String title, String className, List<String> lines) {
        add(new H4(title));
        lines.forEach(l -> add(line(className, l)));
    }

    private static Paragraph line(String className, String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }
}
