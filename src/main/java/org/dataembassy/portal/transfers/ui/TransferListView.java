package org.dataembassy.portal.transfers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.workflow.ProcessInstances;

/**
 * Cross-border transfers: data owners ask to replicate an active dataset to an embassy site and follow the
 * treaty decision; officers and auditors see the latest transfers of everyone.
 */
@Route(value = "transfers", layout = MainLayout.class)
@PageTitle("Transfers · Data Embassy Portal")
@Menu(order = 30, title = "Transfers")
@RolesAllowed({"DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"})
public class TransferListView extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public TransferListView(CrossBorderTransfers transfers, DatasetOnboarding datasets, DatasetProvisioning activation,
                            CurrentUser user) {
        addClassName("page");
        add(new H2("Cross-border transfers"), new Paragraph("Every replication to a site abroad is a transfer: the "
                + "treaty's transfer rules decide, a legal officer reviews where they say so, and a completed transfer "
                + "records the verified snapshot the site holds."));
        boolean owner = user.hasRole(Role.DATA_OWNER);
        Grid<TransferRequest> grid = new Grid<>();
        grid.setId("transfers");
        grid.addColumn(TransferRequest::datasetName).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(TransferRequest::site).setHeader("Site").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Span badge = new Span(t.status().name());
            badge.setId("transfer-status-" + t.id());
            badge.getElement().getThemeList().add(switch (t.status()) {
                case COMPLETED -> "badge success";
                case DENIED, REJECTED -> "badge error";
                default -> "badge";
            });
            return badge;
        }).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> TIME.format(t.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(t -> t.requestedBy()).setHeader("By").setAutoWidth(true);
        grid.addColumn(t -> (t.snapshotId() == null ? "" : "snapshot " + t.snapshotId() + " · ")
                + String.join("; ", t.decisionReasons())
                + (t.reviewComment() == null || t.reviewComment().isBlank() ? "" : " — reviewer " + t.reviewedBy()
                + ": " + t.reviewComment())).setHeader("Evidence, reasons and review").setFlexGrow(1);
        // The process page: data owners see their own, legal officers and auditors any (security officers take no
        // part in the transfer process, so its page would refuse them).
        if (!user.roles().equals(EnumSet.of(Role.SECURITY_OFFICER))) {
            grid.addComponentColumn(t -> {
                if (t.processInstanceId() == null) {
                    return new Span();
                }
                var link = new Anchor(
                        ProcessInstances.pageRoute(t.processInstanceId()), "Process");
                link.setId("transfer-process-" + t.id());
                return link;
            }).setHeader("").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        Runnable refresh = () -> grid.setItems(owner ? transfers.mine() : transfers.recent());
        refresh.run();

        if (owner) {
            Select<OnboardingRequest> dataset = new Select<>();
            dataset.setLabel("Active dataset");
            dataset.setId("transfer-dataset");
            List<OnboardingRequest> active = datasets.myRequests().stream()
                    .filter(r -> r.status() == OnboardingStatus.ACTIVE).toList();
            dataset.setItems(active);
            dataset.setItemLabelGenerator(OnboardingRequest::name);
            Select<String> site = new Select<>();
            site.setLabel("Embassy site");
            site.setId("transfer-site");
            site.setItems(activation.embassySites().stream().map(s -> s.id().value()).toList());
            Button request = new Button("Request transfer", e -> {
                dataset.setInvalid(false);
                site.setInvalid(false);
                try {
                    transfers.request(dataset.getValue() == null ? null : dataset.getValue().id(), site.getValue());
                    refresh.run();
                } catch (InvalidInputException ex) {
                    ex.fieldErrors().forEach((field, message) -> {
                        if ("site".equals(field)) {
                            site.setErrorMessage(message);
                            site.setInvalid(true);
                        } else {
                            dataset.setErrorMessage(message);
                            dataset.setInvalid(true);
                        }
                    });
                }
            });
            request.setId("request-transfer");
            request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3("Request a transfer"), new FormLayout(dataset, site), request);
        }
        add(new H3(owner ? "My transfers" : "Latest transfers"), grid);
        LivePolling.follow(this, POLL_MILLIS, refresh);
    }
}
