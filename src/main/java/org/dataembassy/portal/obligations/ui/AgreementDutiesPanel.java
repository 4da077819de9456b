package org.dataembassy.portal.obligations.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementPanel;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.obligations.ObligationStatus;
import org.dataembassy.portal.obligations.Obligations;
import org.dataembassy.portal.obligations.TrackedObligation;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;


/**
 * On an agreement's page: its breached duties (each with what was owed, by whom, when) and how many are open, linking
 * to the agreement's obligations page. Shown to those who may read obligations (legal officers, auditors,
 * administrators); nothing when the agreement owes nothing tracked.
 */
@SpringComponent
class AgreementDutiesPanel implements AgreementPanel {


    private final Obligations obligations;
    private final CurrentUser user;

    AgreementDutiesPanel(Obligations obligations, CurrentUser user) {
        this.obligations = obligations;
        this.user = user;
    }

    @Override
    public Optional<Component> panel(String key) {
        if (!(user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.AUDITOR) || user.hasRole(Role.ADMIN))) {
            return Optional.empty();
        }
        List<TrackedObligation> duties = obligations.list(key, 1000);
        if (duties.isEmpty()) {
            return Optional.empty();
        }
        List<TrackedObligation> breached = duties.stream().filter(o -> o.status() == ObligationStatus.BREACHED).toList();
        long open = duties.stream().filter(o -> o.status() == ObligationStatus.OPEN).count();
        VerticalLayout panel = new VerticalLayout();
        panel.setId("agreement-duties");
        panel.setPadding(false);
        Span summary = StatusBadge.of(breached.size() + " breached, " + open + " open",
                breached.isEmpty() ? StatusBadge.Tone.NEUTRAL : StatusBadge.Tone.ERROR, "agreement-duties-summary");
        panel.add(new H3("Duties"), summary);
        for (TrackedObligation o : breached) {
            Paragraph line = new Paragraph(o.code() + ": " + o.action() + " (" + CountryCode.label(o.owedBy()) + " to " + CountryCode.label(o.owedTo()) + ", "
                    + (o.article().isEmpty() ? o.clause() : o.article()) + ") was due " + Times.utc(o.due()));
            line.addClassName("breach");
            panel.add(line);
        }
        panel.add(new Anchor("obligations?agreement=" + key, "All duties of this agreement"));
        return Optional.of(panel);
    }

    @Override
    public int order() {
        return 10;
    }
}
