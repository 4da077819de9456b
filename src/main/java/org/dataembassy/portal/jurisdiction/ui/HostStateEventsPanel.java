package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.dataembassy.portal.jurisdiction.HostSituation;
import org.dataembassy.portal.jurisdiction.HostStateEvent;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The host-state events recorded with jurisdiction reviews, which every treaty decision sees while they last; a
 * legal officer records the last day of one when the situation ends (the refusal appears beside the date).
 */
class HostStateEventsPanel extends VerticalLayout {

    private static final int SHOWN = 50;

    private final Grid<HostStateEvent> grid = new Grid<>();
    private final HostSituation situation;

    HostStateEventsPanel(HostSituation situation, boolean mayEnd) {
        this.situation = situation;
        setPadding(false);
        add(new Paragraph("What the legal officers recorded about the host states' situation. Every treaty decision "
                + "dated within an event's days sees it; each agreement's host_events clause says what it means."));
        grid.setId("host-state-events");
        grid.addColumn(HostStateEvent::kind).setHeader("Event").setAutoWidth(true);
        grid.addColumn(e -> CountryCode.label(e.state())).setHeader("State").setAutoWidth(true);
        grid.addColumn(e -> e.since().toString()).setHeader("From").setAutoWidth(true);
        grid.addColumn(e -> e.until() == null ? "lasting" : e.until().toString()).setHeader("To").setAutoWidth(true);
        grid.addColumn(e -> String.join(", ", e.sites())).setHeader("Sites").setAutoWidth(true);
        grid.addColumn(HostStateEvent::recordedBy).setHeader("Recorded by").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        if (mayEnd) {
            DatePicker lastDay = new DatePicker("Last day of the selected event");
            lastDay.setId("event-last-day");
            Button end = new Button("Record its end", e -> {
                lastDay.setInvalid(false);
                HostStateEvent selected = grid.asSingleSelect().getValue();
                if (selected == null) {
                    lastDay.setErrorMessage("Select an event in the list first");
                    lastDay.setInvalid(true);
                    return;
                }
                try {
                    situation.endEvent(selected.id(), lastDay.getValue());
                    Notification.show(selected.kind() + " in " + CountryCode.label(selected.state()) + " ends on " + lastDay.getValue());
                    refresh();
                } catch (InvalidInputException ex) {
                    lastDay.setErrorMessage(String.join("; ", ex.fieldErrors().values()));
                    lastDay.setInvalid(true);
                }
            });
            end.setId("end-event");
            HorizontalLayout row = new HorizontalLayout(lastDay, end);
            row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(row);
        }
        refresh();
    }

    void refresh() {
        grid.setItems(situation.events(SHOWN));
    }
}
