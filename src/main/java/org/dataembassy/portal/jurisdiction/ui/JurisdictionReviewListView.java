package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.jurisdiction.HostSituation;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;

/**
 * Jurisdiction reviews: every review with its event, status and outcome; selecting one shows the treaty findings,
 * the decision, the evidence and the notice sent to the parties. Legal officers report events here.
 */
@Route(value = "jurisdiction", layout = MainLayout.class)
@PageTitle("Jurisdiction reviews · Data Embassy Portal")
@Menu(order = 40, title = "Jurisdiction reviews")
@RolesAllowed({"LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"})
public class JurisdictionReviewListView extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;

    private final Div detail = new Div();
    private final HostStateEventsPanel events;

    public JurisdictionReviewListView(JurisdictionReviews reviews, HostSituation situation, AgreementRegistry registry,
                                      ConfiguredSites sites, CurrentUser user) {
        addClassName("page");
        events = new HostStateEventsPanel(situation, user.hasRole(Role.LEGAL_OFFICER));
        add(new H2("Jurisdiction reviews"), new Paragraph("Each agreement's host state is reviewed periodically and "
                + "whenever a legal officer reports an event. The treaty's jurisdiction rules give findings with their "
                + "articles; a second legal officer decides to continue, restrict, suspend or evacuate."));
        Grid<JurisdictionReview> grid = new Grid<>();
        grid.setId("jurisdiction-reviews");
        grid.addColumn(r -> Times.minutes(r.reportedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(JurisdictionReview::agreementKey).setHeader("Agreement").setAutoWidth(true);
        grid.addColumn(r -> r.eventKind().label()).setHeader("Event").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            return StatusBadge.of(r.status().name(), StatusBadge.Tone.NEUTRAL, "review-status-" + r.id());
        }).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span outcome = new Span(r.outcome() == null ? "—" : r.outcome().name());
            outcome.setId("review-outcome-" + r.id());
            return outcome;
        }).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(JurisdictionReview::reportedBy).setHeader("Reported by").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        Runnable refresh = () -> {
            String selected = grid.asSingleSelect().getValue() == null ? null : grid.asSingleSelect().getValue().id();
            var all = reviews.reviews();
            grid.setItems(all);
            all.stream().filter(r -> r.id().equals(selected)).findFirst().ifPresent(r -> {
                grid.asSingleSelect().setValue(r);
                show(r);
            });
        };
        refresh.run();
        if (user.hasRole(Role.LEGAL_OFFICER)) {
            var agreements = registry.standings().stream()
                    .filter(s -> s.lifecycle().equals("IN_FORCE") || s.lifecycle().equals("SUSPENDED"))
                    .map(s -> s.key()).toList();
            var embassies = sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.EMBASSY)
                    .map(s -> s.id().value()).toList();
            add(new H3("Report an event"), new ReportEventForm(reviews, agreements, embassies, () -> {
                refresh.run();
                events.refresh();
            }));
        }
        detail.setId("review-detail");
        add(new H3("Reviews"), grid, detail, new H3("Host-state situation"), events);
        LivePolling.follow(this, POLL_MILLIS, refresh);
    }

    private void show(JurisdictionReview review) {
        detail.removeAll();
        if (review != null) {
            detail.add(new ReviewDetail(review));
        }
    }
}
