package org.dataembassy.portal.workflow.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.NoSuchElementException;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.shell.LivePolling;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;
import org.dataembassy.portal.workflow.ProcessDetail;
import org.dataembassy.portal.workflow.ProcessIncident;
import org.dataembassy.portal.workflow.ProcessInstanceDetails;
import org.dataembassy.portal.workflow.ProcessInstanceSummary;
import org.dataembassy.portal.workflow.ProcessInstances;

/**
 * One process instance: what it is about, where it stands, the diagram with its current position and the path it
 * took, any incident, and its audit trail. Who may see it is decided by {@link ProcessInstances#find}; a refused
 * caller gets the access-denied page, an unknown id the not-found page. A running instance refreshes while open.
 */
@Route(value = "processes/:instanceId", layout = MainLayout.class)
@PageTitle("Process · Data Embassy Portal")
@RolesAllowed({"ADMIN", "AUDITOR", "LEGAL_OFFICER", "SECURITY_OFFICER", "DATA_OWNER", "EMERGENCY_COMMITTEE"})
public class ProcessView extends VerticalLayout implements BeforeEnterObserver {

    private static final int POLL_MILLIS = 3000;

    private final ProcessInstances processes;
    private final H2 title = new H2();
    private final Span state = new Span();
    private final Span since = new Span();
    private final Div incidents = new Div();
    private final ProcessDiagram diagram = new ProcessDiagram();
    private final DescriptionList details = new DescriptionList();
    private final Grid<AuditEntry> audit = new Grid<>();
    private ProcessInstanceDetails shown;
    private String instanceId;

    public ProcessView(ProcessInstances processes) {
        this.processes = processes;
        addClassName("page");
        title.setId("process-title");
        state.setId("process-state");
        since.setId("process-since");
        incidents.setId("process-incidents");
        diagram.setId("process-diagram");
        diagram.setWidthFull();
        details.setId("process-details");
        details.getStyle().set("display", "grid").set("grid-template-columns", "max-content auto")
                .set("column-gap", "var(--lumo-space-l)").set("row-gap", "var(--lumo-space-xs)");
        audit.setId("process-audit");
        audit.addColumn(e -> Times.seconds(e.occurredAt())).setHeader("Time").setAutoWidth(true);
        audit.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        audit.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        audit.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
        audit.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
        audit.setAllRowsVisible(true);
        Paragraph legend = new Paragraph("Outlined in blue: where the process is now. Green: steps done and paths "
                + "taken. Red: a step that failed after its retries.");
        legend.addClassName("process-legend");
        add(title, new Div(state, new Span(" "), since), incidents, diagram, legend, new H3("Details"), details,
                new H3("Audit trail"), audit);
        LivePolling.follow(this, POLL_MILLIS, this::followShown);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        instanceId = event.getRouteParameters().get("instanceId").orElse("");
        shown = null; // the router reuses this view for another instance: send everything again
        try {
            show(processes.find(instanceId));
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            event.rerouteToError(AccessDeniedException.class);
        }
    }

    /** A running instance moves on in the background: follow it while the page is open. */
    private void followShown() {
        if (shown == null || !shown.instance().state().running()) {
            return;
        }
        try {
            show(processes.find(instanceId));
        } catch (NoSuchElementException | org.springframework.security.access.AccessDeniedException e) {
            // removed by history cleanup or the caller lost access: keep what is shown, it was theirs to see
        }
    }

    private void show(ProcessInstanceDetails page) {
        ProcessInstanceDetails before = shown;
        shown = page;
        ProcessInstanceSummary instance = page.instance();
        title.setText(instance.processName() + (instance.businessKey() == null ? "" : ": " + instance.businessKey()));
        StatusBadge.show(state, instance.state().name(), switch (instance.state()) {
            case COMPLETED -> StatusBadge.Tone.SUCCESS;
            case TERMINATED -> StatusBadge.Tone.ERROR;
            default -> StatusBadge.Tone.NEUTRAL;
        });
        since.setText((instance.state().running() ? "since " : "ended ") + Times.seconds(instance.since()));
        incidents.removeAll();
        for (ProcessIncident incident : page.incidents()) {
            Paragraph p = new Paragraph("Incident at “" + incident.activityName() + "” since "
                    + Times.seconds(incident.since()) + ": " + incident.message());
            p.addClassName("incident");
            p.getStyle().set("color", "var(--lumo-error-text-color)");
            incidents.add(p);
        }
        // Only what changed goes to the browser again, so a waiting instance is not redrawn every poll.
        if (before == null || !before.modelXml().equals(page.modelXml())) {
            diagram.setXml(page.modelXml());
        }
        if (before == null || !before.current().equals(page.current())) {
            diagram.setCurrent(page.current());
        }
        if (before == null || !before.completed().equals(page.completed())) {
            diagram.setCompleted(page.completed());
        }
        if (before == null || !before.taken().equals(page.taken())) {
            diagram.setTaken(page.taken());
        }
        if (before == null || !before.incidents().equals(page.incidents())) {
            diagram.setIncidents(page.incidents().stream().map(ProcessIncident::activityId).toList());
        }
        details.removeAll();
        if (page.details().isEmpty()) {
            details.add(new DescriptionList.Term("Details"), new DescriptionList.Description("none recorded"));
        }
        for (ProcessDetail detail : page.details()) {
            DescriptionList.Description value = new DescriptionList.Description(detail.value());
            value.getStyle().set("margin", "0");
            details.add(new DescriptionList.Term(detail.label()), value);
        }
        if (before == null || !before.auditTrail().equals(page.auditTrail())) {
            audit.setItems(page.auditTrail());
        }
    }
}
