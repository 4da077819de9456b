package org.dataembassy.portal.obligations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.TreeSet;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.obligations.Obligations;
import org.dataembassy.portal.obligations.TrackedObligation;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;

/**
 * The duties the agreements impose: breached first, then by due instant. A legal officer records one done (day and
 * evidence; refusals beside the fields) or asks the rules again now; auditors and administrators read.
 */
@Route(value = "obligations", layout = MainLayout.class)
@PageTitle("Obligations · Data Embassy Portal")
@Menu(order = 45, title = "Obligations")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class ObligationsView extends VerticalLayout implements BeforeEnterObserver {

    private static final int SHOWN = 200;

    private final Grid<TrackedObligation> grid = new Grid<>();
    private final ComboBox<String> agreement = new ComboBox<>("Agreement");
    private final Obligations obligations;

    public ObligationsView(Obligations obligations, CurrentUser user) {
        this.obligations = obligations;
        addClassName("page");
        add(new H2("Obligations"), new Paragraph("What the agreements oblige the parties to do, as their rules state it: "
                + "periodic audits and reviews, evacuation after termination, notices. A duty not recorded as done by its "
                + "due instant is a breach, on the audit trail."));
        agreement.setId("obligations-agreement");
        agreement.setPlaceholder("every agreement");
        agreement.setClearButtonVisible(true);
        agreement.setHelperText("The duties of one agreement; the page's address names it (?agreement=…) for a link");
        agreement.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, e.getValue() == null ? "obligations"
                        : "obligations?agreement=" + e.getValue()));
            }
            refresh();
        });
        offerAgreements(null);
        add(agreement);
        grid.setId("obligations");
        grid.addComponentColumn(o -> {
            return StatusBadge.of(o.status().name(),
                    o.status().name().equals("BREACHED") ? StatusBadge.Tone.ERROR : StatusBadge.Tone.NEUTRAL,
                    "obligation-status-" + o.id());
        }).setHeader("Status").setAutoWidth(true);
        grid.addColumn(TrackedObligation::agreementKey).setHeader("Agreement").setAutoWidth(true);
        grid.addColumn(TrackedObligation::code).setHeader("Duty").setAutoWidth(true);
        grid.addColumn(TrackedObligation::action).setHeader("What").setFlexGrow(1);
        grid.addColumn(o -> CountryCode.label(o.owedBy()) + " → " + CountryCode.label(o.owedTo())).setHeader("Owed").setAutoWidth(true);
        grid.addColumn(o -> Times.utc(o.due())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(o -> o.article().isEmpty() ? o.clause() : o.article()).setHeader("Article").setAutoWidth(true);
        grid.addColumn(o -> o.status().name().equals("OPEN") ? reminder(o) : "").setHeader("Reminder").setAutoWidth(true);
        grid.addColumn(o -> o.fulfilledOn() != null ? o.fulfilledOn() + " by " + o.fulfilledBy()
                : o.fulfilledThrough() == null ? "" : "met by a " + o.fulfilledThrough().replace('_', ' '))
                .setHeader("Done").setAutoWidth(true);
        grid.setItemDetailsRenderer(new TextRenderer<>(o -> o.evidence() == null ? ""
                : "Evidence: " + o.evidence()));
        grid.setAllRowsVisible(true);
        add(grid);
        if (user.hasRole(Role.LEGAL_OFFICER)) {
            add(fulfilForm());
        }
        refresh();
    }

    private VerticalLayout fulfilForm() {
        DatePicker on = new DatePicker("Done on");
        on.setId("obligation-done-on");
        TextArea evidence = new TextArea("Evidence");
        evidence.setId("obligation-evidence");
        evidence.setHelperText("What shows it was done: a report's reference, a note verbale (5 to 2,000 characters)");
        evidence.setWidthFull();
        Button record = new Button("Record the selected duty as done", e -> {
            on.setInvalid(false);
            evidence.setInvalid(false);
            TrackedObligation selected = grid.asSingleSelect().getValue();
            if (selected == null) {
                on.setErrorMessage("Select a duty in the list first");
                on.setInvalid(true);
                return;
            }
            try {
                obligations.fulfil(selected.id(), on.getValue(), evidence.getValue());
                Notification.show(selected.code() + " of " + selected.agreementKey() + " recorded as done");
                evidence.clear();
                refresh();
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach((field, message) -> {
                    var target = field.equals("evidence") ? evidence : null;
                    if (target != null) {
                        evidence.setErrorMessage(message);
                        evidence.setInvalid(true);
                    } else {
                        on.setErrorMessage(message);
                        on.setInvalid(true);
                    }
                });
            }
        });
        record.setId("fulfil-obligation");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button check = new Button("Ask the rules again now", e -> {
            int breached = obligations.agreementKeys().stream().mapToInt(k -> obligations.refresh(k).breached()).sum();
            Notification.show(breached == 0 ? "Checked: no new breach" : "Checked: " + breached + " new breach(es)");
            offerAgreements(agreement.getValue());
            refresh();
        });
        check.setId("check-obligations");
        VerticalLayout form = new VerticalLayout(new H3("Record a duty as done"), new FormLayout(on, evidence), record, check);
        form.setPadding(false);
        return form;
    }

    private static String reminder(TrackedObligation o) {
        return o.remindedAt() != null ? "sent " + Times.utc(o.remindedAt())
                : o.remindAt() == null ? "" : "from " + Times.utc(o.remindAt());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("agreement").ifPresent(key -> {
            if (key.matches("[a-z][a-z0-9_]{1,39}")) {
                offerAgreements(key);
                agreement.setValue(key);
            }
        });
    }

    private void refresh() {
        grid.setItems(obligations.list(agreement.getValue(), SHOWN));
    }

    /** The agreements with tracked duties, and {@code also} (one named in the address, perhaps owing nothing yet). */
    private void offerAgreements(String also) {
        Set<String> keys = new TreeSet<>(obligations.trackedAgreements());
        if (also != null) {
            keys.add(also);
        }
        agreement.setItems(keys);
    }
}
