package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.dataembassy.portal.agreements.AgreementOverview;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;

/** The agreement registry: every agreement, its lifecycle and published version; legal officers create new ones. */
@Route(value = "agreements", layout = MainLayout.class)
@PageTitle("Agreements · Data Embassy Portal")
@Menu(order = 10, title = "Agreements")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class AgreementListView extends VerticalLayout {

    public AgreementListView(AgreementRegistry registry, CurrentUser user) {
        addClassName("page");
        Grid<AgreementOverview> grid = new Grid<>(AgreementOverview.class, false);
        grid.setId("agreements");
        grid.addColumn(AgreementOverview::id).setHeader("Agreement").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AgreementOverview::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(a -> a.originatingState() + " → " + a.hostState()).setHeader("Parties").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AgreementOverview::lifecycle).setHeader("Lifecycle").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.publishedVersion() == null ? "none" : "v" + a.publishedVersion()).setHeader("Published")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.openVersions() == 0 ? "" : String.valueOf(a.openVersions())).setHeader("Open versions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(registry.agreements());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AgreementView.class,
                new com.vaadin.flow.router.RouteParameters("key", e.getItem().key()))));
        grid.setAllRowsVisible(true);

        add(new H2("Agreements"), new Paragraph("Each bilateral agreement's clauses and treaty rules, versioned. "
                + "A change is a new draft; a second legal officer approves it before it is published to OPA."));
        if (user.hasRole(Role.LEGAL_OFFICER)) {
            Button create = new Button("New agreement", e -> openCreateDialog(registry));
            create.setId("new-agreement");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(grid);
    }

    private void openCreateDialog(AgreementRegistry registry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New agreement");
        TextField originating = field("Originating state (ISO code)", "originating-state", "EE");
        TextField host = field("Host state (ISO code)", "host-state", "LU");
        TextField title = field("Title", "title", "Agreement between … on the hosting of data");
        TextField reference = field("Treaty reference", "treaty-reference", "e.g. signed 2017, RT II");
        TextField suffix = field("Suffix (only for a second agreement between the same states)", "suffix", "");
        Map<String, TextField> fields = Map.of("originatingState", originating, "hostState", host, "title", title,
                "treatyReference", reference, "suffix", suffix);
        Button create = new Button("Create draft", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                AgreementVersion draft = registry.create(new NewAgreement(originating.getValue(), host.getValue(),
                        title.getValue(), reference.getValue(), suffix.getValue()));
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(VersionView.class, VersionView.parameters(draft.agreementKey(),
                        draft.version())));
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach((name, message) -> {
                    TextField f = fields.get(name);
                    if (f != null) {
                        f.setErrorMessage(message);
                        f.setInvalid(true);
                    }
                });
            }
        });
        create.setId("create-agreement");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(originating, host, title, reference, suffix));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    private static TextField field(String label, String id, String placeholder) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setPlaceholder(placeholder);
        return f;
    }
}
