package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotBuiltYet;

/** Emergency activation. Not built yet: says so plainly. */
@Route(value = "activation", layout = MainLayout.class)
@PageTitle("Emergency activation · Data Embassy Portal")
@Menu(order = 50, title = "Emergency activation")
@RolesAllowed({"EMERGENCY_COMMITTEE", "AUDITOR"})
public class EmergencyActivationView extends VerticalLayout {

    public EmergencyActivationView() {
        add(new NotBuiltYet("Emergency activation", "The emergency committee will activate the embassy copies here, with an M-of-N quorum that unseals the state's key."));
    }
}
