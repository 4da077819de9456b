package org.dataembassy.portal.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.shell.MainLayout;

/** A data owner's datasets and onboarding requests with their outcome and reasons. */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets · Data Embassy Portal")
@Menu(order = 20, title = "Datasets")
@RolesAllowed("DATA_OWNER")
public class DatasetListView extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public DatasetListView(DatasetOnboarding onboarding) {
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
        grid.addColumn(r -> TIME.format(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(r -> String.join("; ", r.decisionReasons())
                + (r.reviewComment() == null ? "" : " — reviewer " + r.reviewedBy() + ": " + r.reviewComment()))
                .setHeader("Reasons and review").setFlexGrow(1);
        grid.setItems(onboarding.myRequests());
        grid.setAllRowsVisible(true);
        add(new H2("My datasets"), request, grid);
        // Decisions arrive from the workflow engine in the background: refresh while the page is open.
        addAttachListener(attach -> {
            attach.getUI().setPollInterval(POLL_MILLIS);
            var registration = attach.getUI().addPollListener(poll -> grid.setItems(onboarding.myRequests()));
            addDetachListener(detach -> {
                registration.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }

    private static Span status(OnboardingRequest request) {
        Span badge = new Span(request.status().name());
        badge.getElement().getThemeList().add(switch (request.status()) {
            case ACCEPTED -> "badge success";
            case REJECTED -> "badge error";
            default -> "badge";
        });
        badge.addClassName("status-" + request.status().name().toLowerCase());
        return badge;
    }
}
