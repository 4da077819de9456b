package org.dataembassy.portal.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;

/** Landing page: what the signed-in person can do here. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Data Embassy Portal")
@Menu(order = 0, title = "Home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser currentUser) {
        addClassName("page");
        add(new H2("Welcome, " + currentUser.username().orElse("")));
        add(new Paragraph("This portal runs the state's data embassy programme: the treaty rules, the datasets held "
                + "abroad, their replication to embassy sites, and emergency activation."));
        for (Role role : currentUser.roles()) {
            add(new Paragraph(switch (role) {
                case DATA_OWNER -> "As a data owner you request onboarding of datasets under Datasets.";
                case LEGAL_OFFICER -> "As a legal officer you review requests in My tasks and maintain Agreements.";
                case SECURITY_OFFICER -> "As a security officer you approve key creation and evacuations.";
                case EMERGENCY_COMMITTEE -> "As a committee member you vote on Emergency activation.";
                case AUDITOR -> "As an auditor you read and verify the Audit trail and the System status.";
                case ADMIN -> "As an administrator you watch System status and the workflow engine (/camunda).";
                case SYSTEM -> "";
            }));
        }
    }
}
