package org.dataembassy.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in person opens a page their roles do not allow. Shows no data of that page. */
@PageTitle("Access denied · Data Embassy Portal")
@AnonymousAllowed
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("page");
        setId("access-denied");
        add(new H2("Access denied"),
                new Paragraph("Your roles do not allow this page. If you need it, ask an administrator."),
                new Anchor("", "Back to the home page"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
