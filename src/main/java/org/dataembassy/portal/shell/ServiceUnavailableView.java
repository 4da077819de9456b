package org.dataembassy.portal.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.dataembassy.portal.shared.PortalUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Shown instead of a page whose data could not be read because the database does not answer: says so (never
 * "access denied" or "not found"), answers 503 and tries the page again every 10 seconds. A database failure that
 * is not unavailability ({@link PortalUnavailable#causedBy}: a constraint, a bad statement — the portal's fault)
 * is logged and shown as an internal error with 500, never as "try again in a minute".
 */
@PageTitle("Unavailable · Data Embassy Portal")
@AnonymousAllowed
public class ServiceUnavailableView extends Div implements HasErrorParameter<DataAccessException> {

    static final int RETRY_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessException> parameter) {
        return showFor(this, parameter.getCaughtException());
    }

    /** The unavailable page (503) when {@code failure} is the database not answering, else the internal error (500). */
    static int showFor(Div view, Exception failure) {
        if (PortalUnavailable.causedBy(failure)) {
            show(view);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("page failed (reference {})", reference, failure);
        view.removeAll();
        view.addClassName("page");
        view.setId("internal-error");
        view.add(new H2("Something went wrong"), new Paragraph("The page could not be shown because of a fault in the "
                + "portal, not in anything you did. It has been logged with reference " + reference + "; give it to "
                + "your administrator."));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    static void show(Div view) {
        view.removeAll();
        view.addClassName("page");
        view.setId("portal-unavailable");
        Button retry = new Button("Try again now", e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().reload()));
        retry.setId("retry");
        view.add(new H2("The portal is unavailable"), new Paragraph(PortalUnavailable.MESSAGE),
                new Paragraph("This page tries again every " + RETRY_SECONDS + " seconds."), retry);
        view.getElement().executeJs("setTimeout(() => location.reload(), $0)", RETRY_SECONDS * 1000);
    }
}
