package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.dataembassy.portal.agreements.AgreementCatalog;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementPanel;
import org.dataembassy.portal.agreements.AgreementReview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotFoundView;
import org.dataembassy.portal.shell.Times;

/** One agreement's versions: open one, start a draft from one, or ask for a rollback to an earlier publication. */
@Route(value = "agreements/:key", layout = MainLayout.class)
@PageTitle("Agreement · Data Embassy Portal")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class AgreementView extends VerticalLayout implements BeforeEnterObserver {


    private final AgreementCatalog catalog;
    private final AgreementDrafting drafting;
    private final AgreementReview review;
    private final CurrentUser user;
    private final List<AgreementPanel> panels;

    public AgreementView(AgreementCatalog catalog, AgreementDrafting drafting, AgreementReview review, CurrentUser user,
                         List<AgreementPanel> panels) {
        this.panels = panels.stream().sorted(Comparator.comparingInt(AgreementPanel::order)).toList();
        this.catalog = catalog;
        this.drafting = drafting;
        this.review = review;
        this.user = user;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        try {
            show(key);
        } catch (UnknownAgreementException e) {
            event.rerouteTo(NotFoundView.class);
        }
    }

    static String when(Instant instant) {
        return instant == null ? "" : Times.minutes(instant);
    }

    private void show(String key) {
        removeAll();
        var versions = catalog.versions(key);
        Grid<AgreementVersion> grid = new Grid<>(AgreementVersion.class, false);
        grid.setId("versions");
        grid.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.status().name()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.kind().name()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AgreementVersion::author).setHeader("Author").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.reviewer() == null ? "" : v.reviewer()).setHeader("Reviewer").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AgreementVersion::changeNote).setHeader("Change").setFlexGrow(1);
        grid.addColumn(v -> when(v.publishedAt())).setHeader("Published").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.bundleRevision() == null ? "" : v.bundleRevision()).setHeader("Bundle revision")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));

        String title = versions.isEmpty() ? key : versions.get(0).title();
        Paragraph parties = new Paragraph(versions.isEmpty() ? "" : VersionHeader.parties(versions.get(0).termsJson()));
        parties.setId("agreement-parties");
        add(new H2(title), parties, new Paragraph("Agreement " + key.replace('_', '-') + ". Click a version to read it, "
                + "edit a draft of yours, review one in review, or compare versions."), grid);
        if (user.hasRole(Role.LEGAL_OFFICER) && !versions.isEmpty()) {
            Button draft = new Button("New draft from the latest version", e -> {
                AgreementVersion created = drafting.newDraft(key, versions.get(0).version());
                open(created);
            });
            draft.setId("new-draft");
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button rollback = new Button("Request rollback…", e -> rollbackDialog(key));
            rollback.setId("request-rollback");
            rollback.setEnabled(versions.stream().anyMatch(v -> v.status() == VersionStatus.SUPERSEDED));
            add(new HorizontalLayout(draft, rollback));
        }
        panels.forEach(p -> p.panel(key).ifPresent(this::add)); // what other modules say about it: duties, breaches
    }

    private void open(AgreementVersion v) {
        getUI().ifPresent(ui -> ui.navigate(VersionView.class, VersionView.parameters(v.agreementKey(), v.version())));
    }

    private void rollbackDialog(String key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roll back to an earlier publication");
        var target = new Select<AgreementVersion>();
        target.setLabel("Version to publish again");
        target.setId("rollback-target");
        target.setItems(catalog.versions(key).stream().filter(v -> v.status() == VersionStatus.SUPERSEDED).toList());
        target.setItemLabelGenerator(v -> "v" + v.version() + " — published " + when(v.publishedAt()) + " — "
                + v.changeNote());
        TextArea reason = new TextArea("Why");
        reason.setId("rollback-reason");
        reason.setWidthFull();
        Button request = new Button("Request rollback (goes to review)", e -> {
            if (target.getValue() == null) {
                target.setErrorMessage("Choose a version");
                target.setInvalid(true);
                return;
            }
            try {
                AgreementVersion created = review.requestRollback(key, target.getValue().version(), reason.getValue());
                dialog.close();
                open(created);
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.fieldErrors().getOrDefault("reason", ex.getMessage()));
                reason.setInvalid(true);
            } catch (RuntimeException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(target, reason));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), request);
        dialog.open();
    }
}
