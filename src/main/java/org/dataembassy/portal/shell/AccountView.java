package org.dataembassy.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.stream.Collectors;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.FreshAuthentication;

/**
 * The signed-in person's identity as the portal sees it: name, roles, the state served, and when they last
 * really authenticated, with "Sign in again" (step-up, {@link FreshAuthentication}) as sensitive actions such
 * as the activation vote require.
 */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("My account · Data Embassy Portal")
@PermitAll
public class AccountView extends VerticalLayout {

    /** How recent an authentication the activation vote asks for (the vote itself checks it again). */
    static final Duration SENSITIVE_ACTION_WINDOW = Duration.ofMinutes(5);

    public AccountView(CurrentUser currentUser, FreshAuthentication fresh) {
        addClassName("page");
        add(new H2("My account"));
        add(line("account-username", "User: " + currentUser.username().orElse("")));
        add(line("account-roles", "Roles: " + currentUser.roles().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", "))));
        add(line("account-state", "State served: " + currentUser.state().orElse("(none)")));
        add(line("account-auth-time", "Last authenticated: " + fresh.authenticatedAt()
                .map(at -> at + " (epoch " + at.getEpochSecond() + ")").orElse("unknown")));
        add(line("account-fresh", "Recent enough for sensitive actions (" + SENSITIVE_ACTION_WINDOW.toMinutes()
                + " min): " + (fresh.isWithin(SENSITIVE_ACTION_WINDOW) ? "yes" : "no")));
        Button again = new Button("Sign in again", e -> UI.getCurrent().getPage().setLocation(fresh.stepUpUrl()));
        again.setId("sign-in-again");
        add(again);
    }

    private static Paragraph line(String id, String text) {
        Paragraph p = new Paragraph(new Span(text));
        p.setId(id);
        return p;
    }
}
