package org.dataembassy.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.dataembassy.portal.shared.PortalUnavailable;
import org.springframework.stereotype.Component;

/**
 * When an action on a page (a click, a poll) fails because the database does not answer, the person is told so in
 * a notification — the portal is unavailable, their input is not the problem — instead of Vaadin's generic
 * "internal error"; every other error goes to Vaadin's default handler.
 */
@Component
class UnavailableErrorHandler implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UnavailableErrorHandler::handle));
    }

    private static void handle(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui != null && PortalUnavailable.causedBy(event.getThrowable())) {
            Notification note = Notification.show(PortalUnavailable.MESSAGE, 8000, Notification.Position.TOP_CENTER);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
            note.setId("portal-unavailable-notice");
            return;
        }
        new DefaultErrorHandler().error(event);
    }
}
