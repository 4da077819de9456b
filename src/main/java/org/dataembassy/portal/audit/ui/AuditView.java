package org.dataembassy.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.audit.AuditVerification;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.Times;

/** The audit trail, newest first, with chain verification for auditors. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Data Embassy Portal")
@Menu(order = 70, title = "Audit")
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditView extends VerticalLayout {


    public AuditView(AuditTrail trail, CurrentUser currentUser) {
        addClassName("page");
        Paragraph result = new Paragraph();
        result.setId("verification-result");
        Button verify = new Button("Verify the chain", e -> {
            AuditVerification v = trail.verify();
            result.setText(v.intact()
                    ? "Intact: " + v.entriesChecked() + " entries checked, every hash and link matches."
                    : "BROKEN: " + String.join(" · ", v.problems()));
            result.getStyle().set("color", v.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        });
        verify.setId("verify-chain");
        verify.setVisible(currentUser.hasRole(Role.AUDITOR));

        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-entries");
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> Times.seconds(e.occurredAt())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
        grid.addColumn(e -> e.hash().substring(0, 12)).setHeader("Hash").setAutoWidth(true);
        grid.setItems(trail.recent(500));
        add(new H2("Audit trail"), new Paragraph("Append-only; each entry carries the hash of the one before it."),
                verify, result, grid);
        setSizeFull();
    }
}
