package org.dataembassy.portal.datasets.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.ReviewDecisionForm;

/** The legal officer's form for the "Review onboarding request" task. */
@Route(value = "datasets/review/:taskId", layout = MainLayout.class)
@PageTitle("Review onboarding · Data Embassy Portal")
@RolesAllowed("LEGAL_OFFICER")
public class OnboardingReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final DatasetOnboarding onboarding;
    private String taskId;

    private final AccessPolicy access;

    public OnboardingReviewView(DatasetOnboarding onboarding, AccessPolicy access) {
        this.onboarding = onboarding;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        OnboardingRequest request;
        try {
            request = onboarding.forReviewTask(taskId);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2("Review: " + request.name()));
        add(new Paragraph("Requested by " + request.requestedBy() + " for " + request.owningAgency()
                + " · classification " + request.classification() + " · register " + request.register().label()
                + " · personal data: " + (request.personalData() ? "yes" : "no")
                + " · agreement " + request.agreementId()));
        add(new Paragraph("Legal basis: " + request.legalBasis()));
        add(new H3("Why the treaty rules ask for review"));
        request.decisionReasons().forEach(r -> {
            Paragraph p = new Paragraph(r);
            p.addClassName("reason");
            add(p);
        });
        add(ReviewDecisionForm.allowedBy(access.decide("onboarding.review", Map.of("requested_by", request.requestedBy())), "review-comment", "approve", "reject",
                (approve, text) -> onboarding.review(taskId, approve, text)));
    }
}
