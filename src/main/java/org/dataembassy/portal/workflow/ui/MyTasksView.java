package org.dataembassy.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.Times;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;

/** Every human task offered to the user's roles or claimed by them; opens each task's form. */
@Route(value = "tasks", layout = MainLayout.class)
@PageTitle("My tasks · Data Embassy Portal")
@Menu(order = 60, title = "My tasks")
@PermitAll
public class MyTasksView extends VerticalLayout {


    private final WorkTasks workTasks;
    private final CurrentUser currentUser;
    private final Grid<WorkTask> grid = new Grid<>();

    public MyTasksView(WorkTasks workTasks, CurrentUser currentUser) {
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        addClassName("page");
        grid.setId("tasks");
        grid.addColumn(WorkTask::name).setHeader("Task").setAutoWidth(true);
        grid.addColumn(WorkTask::processName).setHeader("Process").setAutoWidth(true);
        grid.addColumn(t -> Times.minutes(t.created())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::due).setHeader("Due").setAutoWidth(true);
        grid.addColumn(t -> t.assignee() == null ? "unclaimed" : t.assignee()).setHeader("Claimed by").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("My tasks"), new Paragraph("Tasks offered to your roles, oldest first."), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(workTasks.mine());
    }

    private Span due(WorkTask task) {
        Span due = new Span(task.due() == null ? "—" : Times.minutes(task.due()));
        if (task.overdue(Instant.now())) {
            due.addClassName("overdue");
            due.setText(due.getText() + " (overdue)");
        }
        return due;
    }

    private HorizontalLayout actions(WorkTask task) {
        String me = currentUser.username().orElse("");
        Button open = new Button("Open", e -> getUI().ifPresent(ui -> ui.navigate(task.formRoute() + "/" + task.id())));
        open.addClassName("open-task");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        open.setEnabled(task.formRoute() != null && (task.assignee() == null || task.assignee().equals(me)));
        Button claim = task.assignee() == null
                ? new Button("Claim", e -> act(() -> workTasks.claim(task.id())))
                : new Button("Unclaim", e -> act(() -> workTasks.unclaim(task.id())));
        claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
        claim.setEnabled(task.assignee() == null || task.assignee().equals(me));
        return new HorizontalLayout(open, claim);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException e) {
            Notification.show(e.getMessage());
        }
        refresh();
    }
}
