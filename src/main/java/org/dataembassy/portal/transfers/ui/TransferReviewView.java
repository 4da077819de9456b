package org.dataembassy.portal.transfers.ui;

import com.vaadin.flow.component.html.H2;
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
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.ReviewDecisionForm;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;

/** The legal officer's form for the "Review transfer" task: the treaty's reasons, approve or reject. */
@Route(value = "transfers/review/:taskId", layout = MainLayout.class)
@PageTitle("Review transfer · Data Embassy Portal")
@RolesAllowed("LEGAL_OFFICER")
public class TransferReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final CrossBorderTransfers transfers;
    private String taskId;

    private final AccessPolicy access;

    public TransferReviewView(CrossBorderTransfers transfers, AccessPolicy access) {
        this.transfers = transfers;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        TransferRequest transfer;
        try {
            transfer = transfers.forReviewTask(taskId);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2("Review transfer: " + transfer.datasetName() + " → " + transfer.site()));
        add(new Paragraph("Requested by " + transfer.requestedBy() + " · purpose " + transfer.purpose()));
        transfer.decisionReasons().forEach(r -> {
            Paragraph p = new Paragraph(r);
            p.addClassName("reason");
            add(p);
        });
        add(ReviewDecisionForm.allowedBy(access.decide("transfer.review", Map.of("requested_by", transfer.requestedBy())), "transfer-review-comment", "approve-transfer", "reject-transfer",
                (approve, text) -> transfers.review(taskId, approve, text)));
    }
}
