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
import org.dataembassy.portal.shared.PortalUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;

/**
 * Shown instead of a page whose data could not be read because the database does not answer: says so (never
 * "access denied" or "not found"), answers 503 and tries the page again every 10 seconds.
 */
@PageTitle("Unavailable · Data Embassy Portal")
@AnonymousAllowed
public class ServiceUnavailableView extends Div implements HasErrorParameter<DataAccessException> {

    static final int RETRY_SECONDS = 10;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessException> parameter) {
        show(this);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
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
