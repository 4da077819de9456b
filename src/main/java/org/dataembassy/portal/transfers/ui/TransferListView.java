package org.dataembassy.portal.transfers.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotBuiltYet;

/** Transfers. Not built yet: says so plainly. */
@Route(value = "transfers", layout = MainLayout.class)
@PageTitle("Transfers · Data Embassy Portal")
@Menu(order = 30, title = "Transfers")
@RolesAllowed({"DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"})
public class TransferListView extends VerticalLayout {

    public TransferListView() {
        add(new NotBuiltYet("Transfers", "Every replication to a site abroad will appear here as a cross-border transfer, with the treaty decision that allowed it."));
    }
}
