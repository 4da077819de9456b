package org.dataembassy.portal.workflow.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.StatusBadge;
import org.dataembassy.portal.shell.Times;
import org.dataembassy.portal.workflow.ProcessInstanceSummary;
import org.dataembassy.portal.workflow.ProcessInstances;
import org.dataembassy.portal.workflow.ProcessState;

/** Process instances of every process, newest first, filtered by process and state; each opens its page. */
@Route(value = "processes", layout = MainLayout.class)
@PageTitle("Processes · Data Embassy Portal")
@Menu(order = 65, title = "Processes")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class ProcessListView extends VerticalLayout {

    public ProcessListView(ProcessInstances processes) {
        addClassName("page");
        Map<String, String> names = processes.processes();
        Select<String> process = new Select<>();
        process.setId("process-filter");
        process.setLabel("Process");
        process.setItems(names.keySet());
        process.setItemLabelGenerator(key -> key == null ? "All processes" : names.getOrDefault(key, key));
        process.setEmptySelectionAllowed(true);
        process.setEmptySelectionCaption("All processes");
        Select<ProcessState> state = new Select<>();
        state.setId("state-filter");
        state.setLabel("State");
        state.setItems(ProcessState.values());
        state.setItemLabelGenerator(s -> s == null ? "Any state" : s.name());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any state");

        Grid<ProcessInstanceSummary> grid = new Grid<>();
        grid.setId("process-instances");
        grid.addColumn(ProcessInstanceSummary::processName).setHeader("Process").setAutoWidth(true);
        grid.addComponentColumn(i -> {
            RouterLink link = new RouterLink(i.businessKey() == null ? i.id() : i.businessKey(), ProcessView.class,
                    new RouteParameters("instanceId", i.id()));
            link.setId("process-link-" + i.id());
            return link;
        }).setHeader("About").setAutoWidth(true);
        grid.addComponentColumn(i -> {
            return StatusBadge.of(i.state().name(),
                    i.state() == ProcessState.COMPLETED ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.NEUTRAL);
        }).setHeader("State").setAutoWidth(true);
        grid.addColumn(i -> Times.seconds(i.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(i -> i.endedAt() == null ? "" : Times.seconds(i.endedAt())).setHeader("Ended")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Runnable refresh = () -> grid.setItems(processes.list(process.getValue(), state.getValue()));
        process.addValueChangeListener(e -> refresh.run());
        state.addValueChangeListener(e -> refresh.run());
        refresh.run();
        add(new H2("Processes"), new Paragraph("Every workflow instance, newest first (at most "
                + ProcessInstances.LIST_LIMIT + "). Open one to see where it stands, the path it took and its audit trail."),
                new HorizontalLayout(process, state), grid);
    }
}
