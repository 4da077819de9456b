package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.jurisdiction.EventKind;
import org.dataembassy.portal.jurisdiction.JurisdictionEventReport;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.shared.InvalidInputException;

/** A legal officer reports an event; the service's refusals appear beside the fields and nothing starts. */
class ReportEventForm extends VerticalLayout {

    private static final String ALL_SITES = "";

    private final Select<String> agreement = new Select<>();
    private final Select<EventKind> kind = new Select<>();
    private final Select<String> site = new Select<>();
    private final TextArea description = new TextArea("What happened");
    private final DatePicker since = new DatePicker("First day");
    private final DatePicker until = new DatePicker("Last day (if known)");

    ReportEventForm(JurisdictionReviews reviews, List<String> agreements, List<String> embassySites, Runnable reported) {
        setPadding(false);
        agreement.setLabel("Agreement");
        agreement.setId("event-agreement");
        agreement.setItems(agreements);
        kind.setLabel("Event");
        kind.setId("event-kind");
        kind.setItems(EventKind.reportable());
        kind.setItemLabelGenerator(EventKind::label);
        site.setLabel("Site (optional)");
        site.setId("event-site");
        site.setItems(concat(embassySites));
        site.setItemLabelGenerator(s -> s.isEmpty() ? "Every site in the host state" : s);
        site.setValue(ALL_SITES);
        since.setId("event-since");
        since.setHelperText("Empty: today. The situation is recorded as a fact every treaty decision sees");
        until.setId("event-until");
        description.setId("event-description");
        description.setWidthFull();
        description.setHelperText("10 to 2,000 characters; recorded with the review and sent to the parties");
        Button report = new Button("Report the event", e -> {
            for (var field : List.of(agreement, kind, site)) {
                field.setInvalid(false);
            }
            description.setInvalid(false);
            since.setInvalid(false);
            until.setInvalid(false);
            try {
                JurisdictionReview started = reviews.report(new JurisdictionEventReport(agreement.getValue(),
                        kind.getValue(), description.getValue(), site.getValue(), since.getValue(), until.getValue()));
                Notification.show("Review started for " + started.agreementKey() + "; the treaty checks run now");
                description.clear();
                reported.run();
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach(this::showError);
            }
        });
        report.setId("report-event");
        report.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(agreement, kind, site, since, until), description, report);
    }

    private void showError(String field, String message) {
        switch (field) {
            case "agreement" -> {
                agreement.setErrorMessage(message);
                agreement.setInvalid(true);
            }
            case "kind" -> {
                kind.setErrorMessage(message);
                kind.setInvalid(true);
            }
            case "site" -> {
                site.setErrorMessage(message);
                site.setInvalid(true);
            }
            case "since" -> {
                since.setErrorMessage(message);
                since.setInvalid(true);
            }
            case "until" -> {
                until.setErrorMessage(message);
                until.setInvalid(true);
            }
            default -> {
                description.setErrorMessage(message);
                description.setInvalid(true);
            }
        }
    }

    private static List<String> concat(List<String> sites) {
        List<String> all = new ArrayList<>();
        all.add(ALL_SITES);
        all.addAll(sites);
        return all;
    }
}
