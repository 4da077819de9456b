package org.dataembassy.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The approve / reject part of a review task's form: a comment (required when rejecting, shown to the
 * requester), two buttons, the service's refusal shown beside the comment or as a notification, and back to
 * My tasks once decided.
 */
public class ReviewDecisionForm extends VerticalLayout {

    /** Carries out the decision; throws InvalidInputException (field "comment") or AccessDeniedException. */
    @FunctionalInterface
    public interface Decision {
        void decide(boolean approve, String comment);
    }

    private final TextArea comment = new TextArea("Comment");

    /** With the element ids of the comment and the two buttons (browser tests and assistive tools use them). */
    public ReviewDecisionForm(String commentId, String approveId, String rejectId, Decision decision) {
        setPadding(false);
        comment.setId(commentId);
        comment.setWidthFull();
        comment.setHelperText("Required when rejecting; shown to the requester");
        Button approve = new Button("Approve", e -> decide(decision, true));
        approve.setId(approveId);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide(decision, false));
        reject.setId(rejectId);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(comment, new HorizontalLayout(approve, reject));
    }

    /**
     * The form when the authorization policy lets the current person decide; otherwise the policy's reason
     * (element id {@code review-refused}) and no buttons — the service would refuse them anyway.
     */
    public static Component allowedBy(AccessDecision may, String commentId, String approveId, String rejectId,
                                      Decision decision) {
        if (may.allowed()) {
            return new ReviewDecisionForm(commentId, approveId, rejectId, decision);
        }
        Paragraph refused = new Paragraph(may.message());
        refused.setId("review-refused");
        return refused;
    }

    private void decide(Decision decision, boolean approve) {
        comment.setInvalid(false);
        try {
            decision.decide(approve, comment.getValue());
            Notification.show(approve ? "Approved" : "Rejected");
            getUI().ifPresent(ui -> ui.navigate("tasks"));
        } catch (InvalidInputException e) {
            comment.setErrorMessage(e.fieldErrors().getOrDefault("comment", "Invalid"));
            comment.setInvalid(true);
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
