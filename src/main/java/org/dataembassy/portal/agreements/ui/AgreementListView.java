package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dataembassy.portal.agreements.AgreementCatalog;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementOverview;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shell.MainLayout;

/** The agreement registry: every agreement, its lifecycle and published version; legal officers create new ones. */
@Route(value = "agreements", layout = MainLayout.class)
@PageTitle("Agreements · Data Embassy Portal")
@Menu(order = 10, title = "Agreements")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class AgreementListView extends VerticalLayout {

    public AgreementListView(AgreementCatalog catalog, AgreementDrafting drafting, CurrentUser user) {
        addClassName("page");
        Grid<AgreementOverview> grid = new Grid<>(AgreementOverview.class, false);
        grid.setId("agreements");
        grid.addColumn(AgreementOverview::id).setHeader("Agreement").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AgreementOverview::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(a -> CountryCode.label(a.originatingState()) + " → " + CountryCode.label(a.hostState()))
                .setHeader("Parties").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AgreementOverview::lifecycle).setHeader("Lifecycle").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.publishedVersion() == null ? "none" : "v" + a.publishedVersion()).setHeader("Published")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.openVersions() == 0 ? "" : String.valueOf(a.openVersions())).setHeader("Open versions")
                .setAutoWidth(true).setFlexGrow(0);
        List<AgreementOverview> agreements = catalog.agreements();
        grid.setItems(agreements);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AgreementView.class,
                new RouteParameters("key", e.getItem().key()))));
        grid.setAllRowsVisible(true);

        add(new H2("Agreements"), new Paragraph("Each bilateral agreement's clauses and treaty rules, versioned. "
                + "A change is a new draft; a second legal officer approves it before it is published to OPA."));
        if (user.hasRole(Role.LEGAL_OFFICER)) {
            Button create = new Button("New agreement", e -> new NewAgreementDialog(drafting, agreements,
                    draft -> getUI().ifPresent(ui -> ui.navigate(VersionView.class,
                            VersionView.parameters(draft.agreementKey(), draft.version())))).open());
            create.setId("new-agreement");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(grid);
    }
}
