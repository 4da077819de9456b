package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.jurisdiction.ReviewOutcome;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.springframework.security.access.AccessDeniedException;

/** The legal officer's form for "Assess the jurisdiction": the event, the treaty findings, the outcome. */
@Route(value = "jurisdiction/assess/:taskId", layout = MainLayout.class)
@PageTitle("Assess the jurisdiction · Data Embassy Portal")
@RolesAllowed("LEGAL_OFFICER")
public class AssessJurisdictionView extends VerticalLayout implements BeforeEnterObserver {

    private final JurisdictionReviews reviews;
    private final AccessPolicy access;
    private final RadioButtonGroup<ReviewOutcome> outcome = new RadioButtonGroup<>("Outcome");
    private final TextArea justification = new TextArea("Justification");
    private final Paragraph refusal = new Paragraph();
    private String taskId;

    public AssessJurisdictionView(JurisdictionReviews reviews, AccessPolicy access) {
        this.reviews = reviews;
        this.access = access;
        addClassName("page");
        outcome.setId("assessment-outcome");
        outcome.setItems(ReviewOutcome.values());
        outcome.setItemLabelGenerator(o -> switch (o) {
            case CONTINUE -> "Continue: nothing changes";
            case RESTRICT -> "Restrict: new transfers need a legal officer's review";
            case SUSPEND -> "Suspend the agreement: replication stops";
            case EVACUATE -> "Evacuate: destroy the host site's copies (a security officer confirms), then suspend";
        });
        justification.setId("assessment-justification");
        justification.setWidthFull();
        justification.setHelperText("Required; recorded with the outcome and sent to the parties");
        refusal.setId("assessment-refusal");
        refusal.addClassName("error");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        JurisdictionReview review;
        try {
            review = reviews.forAssessmentTask(taskId);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2("Assess the jurisdiction: " + review.agreementKey()), new ReviewDetail(review));
        AccessDecision may = access.decide("jurisdiction.assess", Map.of("reported_by", review.reportedBy()));
        if (!may.allowed()) {
            refusal.setText(may.message()); // e.g. four eyes: the reporter never assesses; the service refuses too
            add(refusal);
            return;
        }
        Button decide = new Button("Record the outcome", e -> decide());
        decide.setId("assess");
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(outcome, justification, refusal, decide);
    }

    private void decide() {
        outcome.setInvalid(false);
        justification.setInvalid(false);
        refusal.setText("");
        try {
            reviews.assess(taskId, outcome.getValue(), justification.getValue());
            Notification.show("Outcome recorded: " + outcome.getValue());
            getUI().ifPresent(ui -> ui.navigate("tasks"));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if ("outcome".equals(field)) {
                    outcome.setErrorMessage(message);
                    outcome.setInvalid(true);
                } else {
                    justification.setErrorMessage(message);
                    justification.setInvalid(true);
                }
            });
        } catch (AccessDeniedException e) {
            refusal.setText(e.getMessage());
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
