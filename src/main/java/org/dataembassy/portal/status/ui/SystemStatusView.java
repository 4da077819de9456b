package org.dataembassy.portal.status.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.policy.OpaInstance;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.policy.PolicyEngineStatus;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.replication.SiteReachability;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.status.DatabaseStatus;
import org.dataembassy.portal.workflow.WorkflowEngine;
import org.dataembassy.portal.workflow.WorkflowEngineStatus;
import org.dataembassy.portal.workflow.WorkflowIncident;

/** Policy engine, workflow engine, database and sites at a glance. */
@Route(value = "status", layout = MainLayout.class)
@PageTitle("System status · Data Embassy Portal")
@Menu(order = 80, title = "System status")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class SystemStatusView extends VerticalLayout {

    public SystemStatusView(PolicyEngine policy, WorkflowEngine workflow, DatabaseStatus database, ConfiguredSites sites,
                            CurrentUser user) {
        addClassName("page");
        add(new H2("System status"));

        PolicyEngineStatus opa = policy.status();
        add(new H3("Policy engine (OPA)"),
                line("opa-status", opa.up(), "mode " + opa.mode() + " · " + opa.url() + " · version " + opa.version()
                        + " · bundle revision " + opa.bundleRevision() + " · restarts " + opa.restarts()));
        Grid<OpaInstance> instances = new Grid<>();
        instances.setId("opa-instances");
        instances.addColumn(OpaInstance::role).setHeader("OPA").setAutoWidth(true);
        instances.addColumn(OpaInstance::id).setHeader("Instance").setAutoWidth(true);
        instances.addColumn(OpaInstance::version).setHeader("Version").setAutoWidth(true);
        instances.addColumn(i -> i.activeRevision().isEmpty() ? "none" : i.activeRevision()).setHeader("Runs revision")
                .setAutoWidth(true);
        instances.addColumn(i -> i.current() ? "current" : !i.problem().isEmpty() ? i.problem()
                : "behind: the portal serves " + i.servedRevision()).setHeader("State").setFlexGrow(1);
        instances.addColumn(i -> DateTimeFormatter.ISO_INSTANT.format(
                i.reportedAt().truncatedTo(ChronoUnit.SECONDS))).setHeader("Last report")
                .setAutoWidth(true);
        instances.setItems(policy.instances());
        instances.setAllRowsVisible(true);
        add(new Span("Every OPA that pulls the portal's signed bundle reports which revision it runs:"), instances);

        WorkflowEngineStatus camunda = workflow.status();
        add(new H3("Workflow engine (Camunda 7)"),
                line("camunda-status", camunda.jobExecutorActive(), "engine " + camunda.engineName()
                        + " · processes " + String.join(", ", camunda.deployedProcesses())
                        + " · running instances " + camunda.runningInstances()
                        + " · open incidents " + camunda.openIncidents()));

        add(new H3("Workflow incidents"), incidents(workflow, user));

        DatabaseStatus.Info db = database.info();
        add(new H3("Database"), line("database-status", db.up(), db.product() + " · " + db.url()));

        Grid<SiteReachability> grid = new Grid<>();
        grid.setId("sites");
        grid.addColumn(s -> s.site().id().value()).setHeader("Site").setAutoWidth(true);
        grid.addColumn(s -> s.site().country().value()).setHeader("Country").setAutoWidth(true);
        grid.addColumn(s -> s.site().role().name()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(s -> s.site().location()).setHeader("Location").setFlexGrow(1);
        grid.addColumn(s -> (s.reachable() ? "OK" : "PROBLEM") + " · " + s.detail()
                + (s.freeBytes() >= 0 ? " · " + s.freeBytes() / (1024 * 1024 * 1024) + " GiB free" : ""))
                .setHeader("State").setAutoWidth(true);
        grid.setItems(sites.status());
        grid.setAllRowsVisible(true);
        add(new H3("Sites"), grid);
    }

    /** Failed workflow steps; administrators can give each another try. */
    private static Component incidents(WorkflowEngine workflow, CurrentUser user) {
        Grid<WorkflowIncident> grid = new Grid<>();
        grid.setId("incidents");
        grid.addColumn(i -> i.processName()).setHeader("Process").setAutoWidth(true);
        grid.addColumn(i -> i.businessKey() == null ? "" : i.businessKey()).setHeader("About").setAutoWidth(true);
        grid.addColumn(i -> i.activity()).setHeader("Step").setAutoWidth(true);
        grid.addColumn(i -> i.message()).setHeader("Last error").setFlexGrow(1);
        grid.addColumn(i -> DateTimeFormatter.ISO_INSTANT.format(
                i.since().truncatedTo(ChronoUnit.SECONDS))).setHeader("Since").setAutoWidth(true);
        boolean admin = user.hasRole(Role.ADMIN);
        grid.addComponentColumn(i -> {
            Button retry = new Button("Retry", e -> {
                boolean scheduled = workflow.retry(i.id());
                Notification.show(scheduled
                        ? "Scheduled to run again; the incident closes when the step succeeds."
                        : "This incident is gone or cannot be retried.");
                grid.setItems(workflow.incidents());
            });
            retry.addClassName("retry-incident");
            retry.setEnabled(admin && i.retryable());
            retry.setVisible(admin);
            return retry;
        }).setAutoWidth(true);
        var open = workflow.incidents();
        grid.setItems(open);
        grid.setAllRowsVisible(true);
        return open.isEmpty() ? new Span("No open incidents.") : grid;
    }

    private static Component line(String id, boolean up, String text) {
        Span state = StatusBadge.of(up ? "UP" : "DOWN", up ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.ERROR);
        Span detail = new Span(" " + text);
        Span line = new Span(state, detail);
        line.setId(id);
        return line;
    }
}
