package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.dataembassy.portal.activation.CommitteeVotes;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.Times;

/** One activation: status, votes, datasets and notice; committee members vote, stand down and confirm the notice. */
@Route(value = "activation/detail", layout = MainLayout.class)
@PageTitle("Activation · Data Embassy Portal")
@RolesAllowed({"EMERGENCY_COMMITTEE", "AUDITOR"})
public class ActivationDetailView extends VerticalLayout implements HasUrlParameter<String> {

    private final EmergencyActivations activations;
    private final CommitteeVotes votes;
    private final boolean member;
    private final String me;
    private final Div facts = new Div();
    private final Div actions = new Div();
    private String id;
    private String shown = "";

    public ActivationDetailView(EmergencyActivations activations, CommitteeVotes votes, CurrentUser user) {
        this.activations = activations;
        this.votes = votes;
        this.member = user.hasRole(Role.EMERGENCY_COMMITTEE);
        this.me = user.username().orElse("");
        addClassName("page");
        facts.setId("activation-facts");
        actions.setId("activation-actions");
        add(new H2("Emergency activation"), facts, actions);
        LivePolling.follow(this, 2000, this::refresh);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        this.id = parameter;
        refresh();
    }

    void refresh() {
        EmergencyActivation a;
        try {
            a = activations.find(id);
        } catch (NoSuchElementException e) {
            facts.removeAll();
            facts.add(new Paragraph("No activation " + id));
            return;
        }
        facts.removeAll();
        Span status = EmergencyActivationView.statusBadge(a);
        status.setId("activation-status");
        facts.add(status,
                line("activation-summary", a.agreementKey() + " at " + a.site() + " · " + a.emergencyType() + " · triggered by "
                        + a.triggeredBy() + " (" + a.triggerRole() + ") " + Times.minutes(a.triggeredAt())),
                line("activation-justification", "Justification: " + a.justification()),
                line("activation-declarations", "Declarations: " + String.join(", ", a.declarations())),
                line("activation-votes", EmergencyActivationView.approvals(a) + " — " + a.votes().stream()
                        .map(v -> v.member() + " " + (v.approve() ? "approved" : "rejected")
                                + (v.kind().name().equals("STAND_DOWN") ? " stand-down" : ""))
                        .collect(Collectors.joining(", "))),
                line("activation-datasets", "Datasets: " + a.datasets().stream().map(d -> d.datasetName()
                        + (d.snapshotId() == null ? "" : " (snapshot " + d.snapshotId() + ")")
                        + (d.servingPath() == null ? "" : " served read-only at " + d.servingPath()))
                        .collect(Collectors.joining("; "))),
                line("activation-notice", a.notifiedAt() == null ? "Host state not notified yet"
                        : "Host state notified " + Times.minutes(a.notifiedAt()) + ", receipt due within "
                        + a.noticeHours() + " h" + (a.noticeConfirmedBy() == null ? "" : "; confirmed by " + a.noticeConfirmedBy())
                        + (a.noticeOverdue() ? "; OVERDUE" : "")),
                line("activation-key", a.keySource() == null ? "Key not released" : "Key: " + a.keySource()),
                line("activation-reasons", String.join("; ", a.decisionReasons())));
        String state = a.status() + "/" + a.latestVoteOf(me).isPresent() + "/" + a.standDownRound() + "/" + a.noticeConfirmedBy() + "/" + a.notifiedAt();
        if (member && !state.equals(shown)) {
            shown = state;
            actions.removeAll();
            actions.add(new ActivationActions(a, me, votes, this::refresh));
        }
    }

    private static Paragraph line(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
