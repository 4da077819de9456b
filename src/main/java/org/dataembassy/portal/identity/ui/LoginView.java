package org.dataembassy.portal.identity.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Local-account login. Spring Security processes the form post to {@code /login}. With the {@code keycloak}
 * profile the page forwards to Keycloak's login instead. Somebody already signed in is forwarded to the home page.
 */
@Route("login")
@PageTitle("Sign in · Data Embassy Portal")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final String HOME = "";

    private final LoginForm login = new LoginForm();

    private final boolean externalLogin;
    private final AuthenticationContext authentication;

    public LoginView(ObjectProvider<ClientRegistrationRepository> oidcClients, AuthenticationContext authentication) {
        this.authentication = authentication;
        // With the keycloak profile nobody signs in here: the page hands over to Keycloak's login.
        this.externalLogin = oidcClients.getIfAvailable() != null;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setI18n(messages("Sign-in failed",
                "The username or password is not correct, or the account is disabled."));
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        add(new H1("Data Embassy Portal"),
                new Paragraph("Sovereign data, hosted abroad under treaty."),
                login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            // Signed in already: the home page, not an empty form that looks like a failed sign-in. The login page
            // reloads itself when its last round trip comes back "session expired" because the sign-in it posted
            // has just changed the session's id, and that reload can overtake the redirect after the sign-in.
            event.forwardTo(HOME);
            return;
        }
        if (externalLogin) {
            event.getUI().getPage().setLocation("/oauth2/authorization/keycloak");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            // the same words whether or not the name exists: the throttle counts typed names
            login.setI18n(messages("Too many failed sign-ins", "Sign-ins with this name or from this address are "
                    + "paused after repeated failures. Wait a few minutes, then try again."));
        } else if (parameters.containsKey("unavailable")) {
            login.setI18n(messages("The portal is unavailable", "Your sign-in could not be checked because the "
                    + "portal's database does not answer. Your password is not the problem; try again in a minute."));
        } else if (parameters.containsKey("expired")) {
            login.setI18n(messages("Sign in again", "The sign-in page had expired or was not this portal's. "
                    + "Nothing was sent; please sign in again."));
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("throttled")
                || parameters.containsKey("expired") || parameters.containsKey("unavailable"));
    }

    private static LoginI18n messages(String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        return i18n;
    }
}
