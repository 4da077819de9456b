package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.activation.VoteKind;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;

/**
 * Emergency activation: committee members trigger (or rehearse) an activation and follow every activation's
 * status and votes; auditors read. Each row opens the activation's page, where members vote and stand down.
 */
@Route(value = "activation", layout = MainLayout.class)
@PageTitle("Emergency activation · Data Embassy Portal")
@Menu(order = 50, title = "Emergency activation")
@RolesAllowed({"EMERGENCY_COMMITTEE", "AUDITOR"})
public class EmergencyActivationView extends VerticalLayout {


    public EmergencyActivationView(EmergencyActivations activations, CurrentUser user) {
        addClassName("page");
        add(new H2("Emergency activation"), new Paragraph("A committee member triggers; the treaty rules decide "
                + "whether the agreement permits activation; the committee approves or rejects (M of N, the trigger "
                + "counting once); the host state is notified; the state key is unsealed from the members' shares; the "
                + "latest verified snapshot of each dataset is served read-only from the embassy site. Standing down "
                + "needs a quorum too. A rehearsal runs the same path without releasing keys or touching data."));
        Grid<EmergencyActivation> grid = new Grid<>();
        grid.setId("activations");
        grid.addComponentColumn(EmergencyActivationView::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addColumn(a -> a.agreementKey() + " at " + a.site()).setHeader("Agreement and site").setAutoWidth(true);
        grid.addColumn(a -> a.emergencyType().name()).setHeader("Emergency").setAutoWidth(true);
        grid.addColumn(a -> a.triggeredBy() + ", " + Times.minutes(a.triggeredAt())).setHeader("Triggered").setAutoWidth(true);
        grid.addColumn(a -> approvals(a)).setHeader("Votes").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button open = new Button("Open", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("activation/detail/" + a.id())));
            open.setId("open-" + a.id());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return open;
        }).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Runnable refresh = () -> grid.setItems(activations.recent());
        refresh.run();
        if (user.hasRole(Role.EMERGENCY_COMMITTEE)) {
            add(new H3("Trigger an activation"), new TriggerForm(activations, refresh));
        }
        add(new H3("Activations and rehearsals"), grid);
        LivePolling.follow(this, 2000, refresh);
    }

    static Span statusBadge(EmergencyActivation a) {
        return StatusBadge.of(a.status().name() + (a.rehearsal() ? " (rehearsal)" : ""), switch (a.status()) {
            case ACTIVE, STANDING_DOWN -> StatusBadge.Tone.ALERT;
            case STOOD_DOWN -> StatusBadge.Tone.SUCCESS;
            case DENIED, REJECTED -> StatusBadge.Tone.MUTED;
            default -> StatusBadge.Tone.NEUTRAL;
        }, "activation-status-" + a.id());
    }

    static String approvals(EmergencyActivation a) {
        long yes = a.votes(VoteKind.ACTIVATE, 0).stream().filter(v -> v.approve()).count();
        long no = a.votes(VoteKind.ACTIVATE, 0).size() - yes;
        String text = yes + " of " + a.quorumM() + " approvals, " + no + " rejections (of " + a.quorumN() + ")";
        if (a.standDownRound() > 0) {
            long down = a.votes(VoteKind.STAND_DOWN, a.standDownRound()).stream().filter(v -> v.approve()).count();
            text += "; stand-down " + down + " of " + a.quorumM();
        }
        return text;
    }
}
