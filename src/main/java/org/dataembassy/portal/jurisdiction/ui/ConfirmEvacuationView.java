package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.springframework.security.access.AccessDeniedException;

/** The security officer's form for "Confirm the evacuation": what will be destroyed where; confirm or refuse. */
@Route(value = "jurisdiction/evacuation/:taskId", layout = MainLayout.class)
@PageTitle("Confirm the evacuation · Data Embassy Portal")
@RolesAllowed("SECURITY_OFFICER")
public class ConfirmEvacuationView extends VerticalLayout implements BeforeEnterObserver {

    private final JurisdictionReviews reviews;
    private final AccessPolicy access;
    private final TextArea note = new TextArea("Note");
    private final Paragraph refusal = new Paragraph();
    private String taskId;

    public ConfirmEvacuationView(JurisdictionReviews reviews, AccessPolicy access) {
        this.reviews = reviews;
        this.access = access;
        addClassName("page");
        note.setId("evacuation-note");
        note.setWidthFull();
        note.setHelperText("Required when refusing: the review goes back to the legal officers");
        refusal.setId("evacuation-refusal");
        refusal.addClassName("error");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        JurisdictionReview review;
        try {
            review = reviews.forConfirmationTask(taskId);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2("Confirm the evacuation of " + String.join(", ", review.sites())), new ReviewDetail(review));
        add(new H4("Copies that will be destroyed"));
        var plan = reviews.evacuationPlan(review.id());
        if (plan.isEmpty()) {
            add(new Paragraph("No active dataset of " + review.agreementKey() + " is held at these sites."));
        }
        plan.forEach(t -> {
            Paragraph p = new Paragraph(t.datasetName() + " (" + t.datasetId() + ") at " + t.site());
            p.addClassName("evacuation-target");
            add(p);
        });
        AccessDecision may = access.decide("jurisdiction.evacuation.confirm",
                Map.of("assessed_by", review.assessedBy() == null ? "" : review.assessedBy()));
        if (!may.allowed()) {
            refusal.setText(may.message()); // e.g. four eyes: the assessor never confirms; the service refuses too
            add(refusal);
            return;
        }
        Button confirm = new Button("Confirm: destroy the host site's copies", e -> decide(true));
        confirm.setId("confirm-evacuation");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button refuse = new Button("Refuse", e -> decide(false));
        refuse.setId("refuse-evacuation");
        add(note, refusal, new HorizontalLayout(confirm, refuse));
    }

    private void decide(boolean confirm) {
        note.setInvalid(false);
        refusal.setText("");
        try {
            reviews.confirmEvacuation(taskId, confirm, note.getValue());
            Notification.show(confirm ? "Evacuation confirmed; it runs now" : "Refused; back to the legal officers");
            getUI().ifPresent(ui -> ui.navigate("tasks"));
        } catch (InvalidInputException e) {
            note.setErrorMessage(e.fieldErrors().getOrDefault("note", "Invalid"));
            note.setInvalid(true);
        } catch (AccessDeniedException e) {
            refusal.setText(e.getMessage());
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
