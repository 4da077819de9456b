package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Supplier;
import org.dataembassy.portal.agreements.AgreementCatalog;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementPublishing;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementReview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The actions a version's status allows the current user, above the tabs: save and submit (its author, a draft),
 * approve or reject (another legal officer, as the authorization policy says; otherwise why not), publish (approved).
 */
final class ReviewActions extends HorizontalLayout {

    /** What the actions need of the page that shows the version. */
    interface Page {
        DraftContent content();

        void save();

        /** Runs an action that returns the changed version, shows it and reports; refusals beside their fields. */
        void act(Supplier<AgreementVersion> action, String message);

        /** Shows a version changed by an action that reported its own refusals. */
        void replaced(AgreementVersion version, String message);
    }

    record Services(AgreementCatalog catalog, AgreementDrafting drafting, AgreementReview review,
                    AgreementPublishing publishing, CurrentUser user, AccessPolicy access) {
    }

    ReviewActions(Services s, AgreementVersion version, boolean editable, Page page) {
        setAlignItems(Alignment.BASELINE);
        String key = version.agreementKey();
        int number = version.version();
        if (editable) {
            Button save = new Button("Save", e -> page.save());
            save.setId("save");
            Button submit = new Button("Submit for review", e -> page.act(() -> {
                s.drafting().save(key, number, page.content());
                return s.review().submit(key, number);
            }, "Submitted for review: another legal officer approves or rejects it."));
            submit.setId("submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save, submit);
        }
        AccessDecision mayReview = s.access().decide("agreement.version.review", Map.of("author", version.author()));
        if (version.status() == VersionStatus.IN_REVIEW && mayReview.allowed()) {
            reviewing(s.review(), key, number, page);
        } else if (version.status() == VersionStatus.IN_REVIEW && s.user().hasRole(Role.LEGAL_OFFICER)) {
            Span waiting = new Span("Waiting for another legal officer's review: " + mayReview.message());
            waiting.setId("review-refused");
            add(waiting);
        }
        if (version.status() == VersionStatus.APPROVED
                && (s.user().hasRole(Role.LEGAL_OFFICER) || s.user().hasRole(Role.ADMIN))) {
            Button publish = new Button("Publish to OPA", e -> page.act(() -> {
                AgreementRegistry.Publication p = s.publishing().publish(key, number);
                return s.catalog().version(p.agreementKey(), p.version());
            }, "Published: OPA runs the new rules."));
            publish.setId("publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            add(publish);
        }
    }

    private void reviewing(AgreementReview review, String key, int number, Page page) {
        TextField comment = new TextField("Review comment");
        comment.setId("review-comment");
        comment.setWidth("24em");
        Button approve = new Button("Approve", e -> page.act(() -> review.approve(key, number, comment.getValue()),
                "Approved; it can now be published."));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject", e -> {
            comment.setInvalid(false);
            try {
                page.replaced(review.reject(key, number, comment.getValue()), "Rejected.");
            } catch (InvalidInputException ex) {
                comment.setErrorMessage(ex.fieldErrors().getOrDefault("comment", ex.getMessage()));
                comment.setInvalid(true);
            }
        });
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(comment, approve, reject);
    }
}
