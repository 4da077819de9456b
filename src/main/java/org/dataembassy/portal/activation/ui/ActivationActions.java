package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.CommitteeVotes;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.identity.FreshAuthenticationRequired;
import org.dataembassy.portal.shared.InvalidInputException;

/** What a committee member can do on an activation now: vote (once), request a stand-down, confirm the notice. */
class ActivationActions extends VerticalLayout {

    ActivationActions(EmergencyActivation a, String me, CommitteeVotes votes, Runnable refresh) {
        setPadding(false);
        boolean open = a.status() == ActivationStatus.VOTING || a.status() == ActivationStatus.STANDING_DOWN;
        var mine = a.latestVoteOf(me);
        mine.ifPresent(v -> {
            Span voted = new Span("You " + (v.approve() ? "approved" : "rejected") + " the "
                    + (v.kind().name().equals("ACTIVATE") ? "activation" : "stand-down"));
            voted.setId("my-vote");
            add(voted);
        });
        Optional<String> stepUp = open && mine.isEmpty() ? votes.stepUpBeforeVoting() : Optional.empty();
        if (stepUp.isPresent()) {
            add(stepUp("Voting needs a recent sign-in (password, and your one-time code with single sign-on).",
                    stepUp.get()));
        } else if (open && mine.isEmpty()) {
            PasswordField share = new PasswordField("Your key share (with an approval)");
            share.setId("key-share");
            share.setVisible(a.status() == ActivationStatus.VOTING && !a.rehearsal());
            Span error = new Span();
            error.setId("vote-error");
            Button approve = new Button(a.status() == ActivationStatus.VOTING ? "Approve activation" : "Approve stand-down",
                    e -> vote(votes, a, true, share, error, refresh));
            approve.setId("approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button("Reject", e -> vote(votes, a, false, share, error, refresh));
            reject.setId("reject");
            add(share, new HorizontalLayout(approve, reject), error);
        }
        if (a.status() == ActivationStatus.ACTIVE) {
            TextArea reason = new TextArea("Why the embassy can stand down");
            reason.setId("stand-down-reason");
            Button standDown = new Button("Request stand-down", e -> {
                try {
                    votes.requestStandDown(a.id(), reason.getValue());
                    refresh.run();
                } catch (InvalidInputException ex) {
                    reason.setErrorMessage(String.join("; ", ex.fieldErrors().values()));
                    reason.setInvalid(true);
                }
            });
            standDown.setId("request-stand-down");
            add(reason, standDown);
        }
        boolean noticePending = a.notifiedAt() != null && a.noticeConfirmedBy() == null
                && a.status() != ActivationStatus.DENIED && a.status() != ActivationStatus.REJECTED;
        if (noticePending) {
            Button confirm = new Button("Confirm the host state received the notice", e -> {
                votes.confirmNotice(a.id());
                refresh.run();
            });
            confirm.setId("confirm-notice");
            add(confirm);
        }
    }

    /** The step-up prompt: why, and a link that signs the member in again and brings them back. */
    static Div stepUp(String why, String url) {
        Anchor again = new Anchor(url, "Sign in again to vote");
        again.setId("step-up-to-vote");
        again.getElement().setAttribute("router-ignore", true);
        Div box = new Div(new Span(why + " "), again);
        box.setId("step-up");
        return box;
    }

    private static void vote(CommitteeVotes votes, EmergencyActivation a, boolean approve, PasswordField share, Span error,
                             Runnable refresh) {
        share.setInvalid(false);
        error.setText("");
        try {
            votes.vote(a.id(), approve, share.getValue());
            refresh.run();
        } catch (FreshAuthenticationRequired ex) {
            error.setText(ex.getMessage());
            error.getParent().ifPresent(p -> ((HasComponents) p).add(stepUp("", ex.stepUpUrl())));
        } catch (InvalidInputException ex) {
            String keyShare = ex.fieldErrors().get("keyShare");
            if (keyShare != null) {
                share.setErrorMessage(keyShare);
                share.setInvalid(true);
            } else {
                error.setText(String.join("; ", ex.fieldErrors().values()));
            }
        }
    }
}
