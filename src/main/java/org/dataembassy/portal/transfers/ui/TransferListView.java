package org.dataembassy.portal.transfers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.FieldErrors;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;
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

    public TransferListView(CrossBorderTransfers transfers, DatasetOnboarding datasets, DatasetProvisioning activation,
                            CurrentUser user) {
        addClassName("page");
        add(new H2("Cross-border transfers"), new Paragraph("Every replication to a site abroad is a transfer: the "
                + "treaty's transfer rules decide, a legal officer reviews where they say so, and a completed transfer "
                + "records the verified snapshot the site holds."));
        boolean owner = user.hasRole(Role.DATA_OWNER);
        // The process page: data owners see their own, legal officers and auditors any (security officers take no
        // part in the transfer process, so its page would refuse them).
        Grid<TransferRequest> grid = grid(!user.roles().equals(EnumSet.of(Role.SECURITY_OFFICER)));
        Runnable refresh = () -> grid.setItems(owner ? transfers.mine() : transfers.recent());
        refresh.run();
        if (owner) {
            add(new H3("Request a transfer"));
            add(requestForm(transfers, datasets, activation, refresh));
        }
        add(new H3(owner ? "My transfers" : "Latest transfers"), grid);
        LivePolling.follow(this, POLL_MILLIS, refresh);
    }

    private static Grid<TransferRequest> grid(boolean processLinks) {
        Grid<TransferRequest> grid = new Grid<>();
        grid.setId("transfers");
        grid.addColumn(TransferRequest::datasetName).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(TransferRequest::site).setHeader("Site").setAutoWidth(true);
        grid.addComponentColumn(t -> StatusBadge.of(t.status().name(), switch (t.status()) {
            case COMPLETED -> StatusBadge.Tone.SUCCESS;
            case DENIED, REJECTED -> StatusBadge.Tone.ERROR;
            default -> StatusBadge.Tone.NEUTRAL;
        }, "transfer-status-" + t.id())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> Times.minutes(t.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(t -> t.requestedBy()).setHeader("By").setAutoWidth(true);
        grid.addColumn(TransferListView::evidence).setHeader("Evidence, reasons and review").setFlexGrow(1);
        if (processLinks) {
            grid.addComponentColumn(t -> {
                if (t.processInstanceId() == null) {
                    return new Span();
                }
                Anchor link = new Anchor(ProcessInstances.pageRoute(t.processInstanceId()), "Process");
                link.setId("transfer-process-" + t.id());
                return link;
            }).setHeader("").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The snapshot a completed transfer left, the treaty's reasons and the reviewer's word, in one line. */
    static String evidence(TransferRequest t) {
        return (t.snapshotId() == null ? "" : "snapshot " + t.snapshotId() + " · ")
                + String.join("; ", t.decisionReasons())
                + (t.reviewComment() == null || t.reviewComment().isBlank() ? "" : " — reviewer " + t.reviewedBy()
                + ": " + t.reviewComment());
    }

    private static Component requestForm(CrossBorderTransfers transfers, DatasetOnboarding datasets,
                                         DatasetProvisioning activation, Runnable refresh) {
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
        Map<String, HasValidation> fields = Map.of("dataset", dataset, "site", site);
        Button request = new Button("Request transfer", e -> {
            FieldErrors.clear(fields);
            try {
                transfers.request(dataset.getValue() == null ? null : dataset.getValue().id(), site.getValue());
                refresh.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, dataset);
            }
        });
        request.setId("request-transfer");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(new FormLayout(dataset, site), request);
    }
}
