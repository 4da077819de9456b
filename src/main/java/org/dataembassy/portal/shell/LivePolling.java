package org.dataembassy.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A view that follows something moving in the background: while it is attached its UI polls every {@code millis}
 * and runs {@code refresh}; once it is detached polling stops. A poll that arrives when nobody is signed in any
 * more — the same round trip as *Sign out*, or a session that ended — stops polling and calls no service, instead of
 * failing in the services' {@code @PreAuthorize} with "An Authentication object was not found".
 */
public final class LivePolling {

    private LivePolling() {
    }

    /** Polls while {@code view} is attached. */
    public static void follow(Component view, int millis, Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.setPollInterval(millis);
            var registration = ui.addPollListener(poll -> {
                if (signedIn()) {
                    refresh.run();
                } else {
                    ui.setPollInterval(-1);
                }
            });
            view.addDetachListener(detach -> {
                registration.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }

    static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
