package org.dataembassy.portal.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;

/**
 * The security officer's form for "Approve keys and embassy sites": the folder to replicate (under a
 * configured source root) and the embassy sites; approving creates the dataset's data key.
 */
@Route(value = "datasets/keys/:taskId", layout = MainLayout.class)
@PageTitle("Approve keys · Data Embassy Portal")
@RolesAllowed("SECURITY_OFFICER")
public class KeysApprovalView extends VerticalLayout implements BeforeEnterObserver {

    private final DatasetProvisioning activation;
    private final AccessPolicy access;
    private final TextField source = new TextField("Source folder");
    private final CheckboxGroup<String> sites = new CheckboxGroup<>("Embassy sites");
    private final TextArea comment = new TextArea("Comment");
    private String taskId;

    public KeysApprovalView(DatasetProvisioning activation, AccessPolicy access) {
        this.activation = activation;
        this.access = access;
        addClassName("page");
        source.setId("source-folder");
        source.setWidthFull();
        sites.setId("embassy-sites");
        comment.setId("keys-comment");
        comment.setWidthFull();
        comment.setHelperText("Required when refusing; shown to the data owner");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        OnboardingRequest request;
        try {
            request = activation.forKeysTask(taskId);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H2("Keys and sites: " + request.name()));
        add(new Paragraph("Requested by " + request.requestedBy() + " for " + request.owningAgency()
                + " · classification " + request.classification() + " · agreement " + request.agreementId()
                + " · about " + request.sizeEstimateGib() + " GiB · recovery point " + request.recoveryPointHours() + " h"));
        AccessDecision may = access.decide("onboarding.keys", Map.of("requested_by", request.requestedBy()));
        if (!may.allowed()) {
            Paragraph refused = new Paragraph(may.message());
            refused.setId("review-refused");
            add(refused);
            return;
        }
        source.setHelperText("A folder under " + String.join(" or ", activation.sourceRoots().stream()
                .map(Path::toString).toList()));
        var embassies = activation.embassySites();
        sites.setItems(embassies.stream().map(s -> s.id().value()).toList());
        sites.setItemLabelGenerator(id -> embassies.stream().filter(s -> s.id().value().equals(id)).findFirst()
                .map(s -> id + " (" + s.country().value() + ")").orElse(id));
        sites.setValue(new LinkedHashSet<>(request.wantedSites().stream()
                .filter(w -> embassies.stream().anyMatch(s -> s.id().value().equals(w))).toList()));
        if (!request.wantedSites().isEmpty()) {
            sites.setHelperText("Ticked: the embassies the data owner asked for");
        }
        Button approve = new Button("Approve and create keys", e -> decide(true));
        approve.setId("approve-keys");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button refuse = new Button("Refuse", e -> decide(false));
        refuse.setId("refuse-keys");
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(source, sites, comment, new HorizontalLayout(approve, refuse));
    }

    private void decide(boolean approve) {
        source.setInvalid(false);
        sites.setInvalid(false);
        comment.setInvalid(false);
        try {
            activation.decideKeys(taskId, approve, source.getValue(), new ArrayList<>(sites.getValue()),
                    comment.getValue());
            Notification.show(approve ? "Keys created; replication starts" : "Refused");
            getUI().ifPresent(ui -> ui.navigate("tasks"));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                switch (field) {
                    case "sourceFolder" -> {
                        source.setErrorMessage(message);
                        source.setInvalid(true);
                    }
                    case "sites" -> {
                        sites.setErrorMessage(message);
                        sites.setInvalid(true);
                    }
                    default -> {
                        comment.setErrorMessage(message);
                        comment.setInvalid(true);
                    }
                }
            });
        }
    }
}
