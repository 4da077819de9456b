package org.dataembassy.portal.transfers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.NoSuchElementException;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.springframework.security.access.AccessDeniedException;

/** The legal officer's form for the "Review transfer" task: the treaty's reasons, approve or reject. */
@Route(value = "transfers/review/:taskId", layout = MainLayout.class)
@PageTitle("Review transfer · Data Embassy Portal")
@RolesAllowed("LEGAL_OFFICER")
public class TransferReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final CrossBorderTransfers transfers;
    private final TextArea comment = new TextArea("Comment");
    private String taskId;

    public TransferReviewView(CrossBorderTransfers transfers) {
        this.transfers = transfers;
        addClassName("page");
        comment.setId("transfer-review-comment");
        comment.setWidthFull();
        comment.setHelperText("Required when rejecting; shown to the data owner");
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
        Button approve = new Button("Approve", e -> decide(true));
        approve.setId("approve-transfer");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide(false));
        reject.setId("reject-transfer");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(comment, new HorizontalLayout(approve, reject));
    }

    private void decide(boolean approve) {
        comment.setInvalid(false);
        try {
            transfers.review(taskId, approve, comment.getValue());
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
