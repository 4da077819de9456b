package org.dataembassy.portal.datasets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;
import org.dataembassy.portal.workflow.ProcessInstances;

/** A data owner's datasets and onboarding requests with their outcome and reasons. */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets · Data Embassy Portal")
@Menu(order = 20, title = "Datasets")
@RolesAllowed("DATA_OWNER")
public class DatasetListView extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;

    public DatasetListView(DatasetOnboarding onboarding, DatasetProvisioning activation) {
        addClassName("page");
        Button request = new Button("Request onboarding", e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(OnboardingRequestView.class)));
        request.setId("request-onboarding");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Grid<OnboardingRequest> grid = new Grid<>();
        grid.setId("requests");
        grid.addColumn(OnboardingRequest::name).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(r -> r.classification().name()).setHeader("Classification").setAutoWidth(true);
        grid.addComponentColumn(r -> status(r)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> Times.minutes(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addComponentColumn(r -> replicas(r, activation)).setHeader("Embassy replicas").setAutoWidth(true);
        grid.addColumn(r -> String.join("; ", r.decisionReasons())
                + (r.reviewComment() == null ? "" : " — reviewer " + r.reviewedBy() + ": " + r.reviewComment())
                + (r.keysComment() == null ? "" : " — keys refused by " + r.keysRefusedBy() + ": " + r.keysComment()))
                .setHeader("Reasons and review").setFlexGrow(1);
        grid.addComponentColumn(DatasetListView::processLink).setHeader("").setAutoWidth(true);
        grid.setItems(onboarding.myRequests());
        grid.setAllRowsVisible(true);
        add(new H2("My datasets"), request, grid);
        // Decisions arrive from the workflow engine in the background: refresh while the page is open.
        LivePolling.follow(this, POLL_MILLIS, () -> grid.setItems(onboarding.myRequests()));
    }

    /**
     * While the first replication runs: a progress bar (bytes done of bytes to scan); once replicated: each
     * embassy site with the age of its last snapshot (the recovery point).
     */
    private static Component replicas(OnboardingRequest request,
                                                                DatasetProvisioning activation) {
        if (request.status() == OnboardingStatus.REPLICATING) {
            var progress = activation.progress(request.id());
            ProgressBar bar = new ProgressBar();
            bar.addClassName("replication-progress");
            bar.setId("progress-" + request.id());
            bar.setWidth("10em");
            progress.filter(p -> p.bytesTotal() > 0).ifPresentOrElse(
                    p -> bar.setValue(Math.min(1.0, (double) p.bytesDone() / p.bytesTotal())),
                    () -> bar.setIndeterminate(true));
            return bar;
        }
        if (request.targetSites().isEmpty()) {
            return new Span("—");
        }
        var lines = new StringBuilder();
        for (var site : activation.replicas(request.id())) {
            if (request.targetSites().contains(site.site())) {
                lines.append(lines.isEmpty() ? "" : " · ").append(site.site()).append(": ")
                        .append(site.lastVerifiedSnapshot() == null ? "no verified snapshot yet"
                                : "verified snapshot " + site.lastVerifiedSnapshot().substring(0,
                                        Math.min(8, site.lastVerifiedSnapshot().length()))
                                + (site.recoveryPointAge() == null ? "" : ", " + site.recoveryPointAge().toMinutes() + " min old"));
            }
        }
        Span text = new Span(lines.isEmpty() ? String.join(", ", request.targetSites()) : lines.toString());
        text.addClassName("replicas");
        text.setId("replicas-" + request.id());
        return text;
    }

    /** The onboarding process's page: the diagram with where the request stands, and its audit trail. */
    private static Component processLink(OnboardingRequest request) {
        if (request.processInstanceId() == null) {
            return new Span();
        }
        var link = new Anchor(
                ProcessInstances.pageRoute(request.processInstanceId()), "Process");
        link.setId("process-" + request.id());
        return link;
    }

    private static Span status(OnboardingRequest request) {
        Span badge = StatusBadge.of(request.status().name(), switch (request.status()) {
            case ACCEPTED, ACTIVE -> StatusBadge.Tone.SUCCESS;
            case REJECTED -> StatusBadge.Tone.ERROR;
            default -> StatusBadge.Tone.NEUTRAL;
        });
        badge.addClassName("status-" + request.status().name().toLowerCase());
        badge.setId("status-" + request.id());
        return badge;
    }
}
