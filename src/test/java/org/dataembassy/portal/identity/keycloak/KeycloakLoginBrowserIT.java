package org.dataembassy.portal.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dataembassy.portal.support.Browser;
import org.dataembassy.portal.support.KeycloakPortalTest;
import org.dataembassy.portal.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in to the portal through the real Keycloak login page in headless Chromium: login, logout that
 * ends the Keycloak session, step-up, OTP for the committee, a disabled user, a removed role and open-redirect
 * attempts.
 */
class KeycloakLoginBrowserIT extends KeycloakPortalTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** A loopback address nothing listens on: where an open redirect would send the browser. */
    private static final String FOREIGN = "http://127.0.0.1:9/stolen";

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(portal(""));
    }

    @AfterEach
    void closeBrowser(TestInfo info) {
        browser.screenshot(getClass().getSimpleName() + "-" + info.getDisplayName().replaceAll("\\W+", "_"));
        browser.close();
    }

    @Test
    void signsInThroughKeycloakAndSigningOutEndsTheKeycloakSession() {
        browser.open("");
        awaitKeycloakLoginPage();
        String anonymousSession = portalSessionCookie();
        assertThat(anonymousSession).as("the authorization request is kept in a session").isNotNull();

        submitKeycloakLogin("lola");
        WebElement user = browser.await(By.id("current-user"));
        browser.waitUntil(d -> user.getText().contains("lola"));
        assertThat(user.getText()).contains("LEGAL_OFFICER");
        assertThat(portalSessionCookie()).as("session fixation: a new session id after login").isNotEqualTo(anonymousSession);

        browser.open("account");
        browser.await(By.id("account-state"));
        assertThat(browser.driver().findElement(By.id("account-state")).getText()).contains("EE");

        browser.click("logout");
        // Back at the portal, which asks Keycloak again: the login form, not a silent re-login.
        awaitKeycloakLoginPage();
        browser.open("");
        awaitKeycloakLoginPage();
        assertThat(browser.all(By.id("current-user"))).isEmpty();
    }

    @Test
    void stepUpAsksForThePasswordAgainInsideALiveKeycloakSession() throws Exception {
        browser.open("account");
        awaitKeycloakLoginPage();
        submitKeycloakLogin("leo");
        browser.await(By.id("account-auth-time"));
        long first = authTime();
        assertThat(browser.driver().findElement(By.id("account-fresh")).getText()).endsWith("yes");

        // auth_time has whole seconds: let one pass so a new authentication is visible.
        Thread.sleep(1100);
        browser.open("");
        browser.await(By.id("current-user"));
        assertThat(browser.driver().getCurrentUrl()).as("plain navigation stays signed in").startsWith(portal(""));

        browser.open("account");
        browser.click("sign-in-again");
        // Keycloak asks for the password although its SSO session is alive (the user name is fixed).
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && !d.findElements(By.id("password")).isEmpty());
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("re-authenticate");
        browser.driver().findElement(By.id("password")).sendKeys(KeycloakTestServer.DEMO_PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.await(By.id("current-user"));
        browser.open("account");
        browser.await(By.id("account-auth-time"));
        assertThat(authTime()).isGreaterThan(first);
    }

    @Test
    void committeeMembersMustSetUpOneTimePasswords() {
        browser.open("");
        awaitKeycloakLoginPage();
        submitKeycloakLogin("cora");
        // Keycloak's OTP set-up page (QR code and code field), before any way into the portal.
        browser.await(By.id("totp"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(KEYCLOAK.url());
        assertThat(browser.all(By.id("current-user"))).isEmpty();
    }

    @Test
    void aCommitteeMemberSignsInWithTheirOneTimePasswordAndStepUpAsksForItAgain() {
        String username = "member-" + SUFFIX;
        String secret = "otp-secret-" + SUFFIX + "-0123456789";
        KEYCLOAK.createCommitteeMemberWithOtp(username, secret);
        browser.open("");
        awaitKeycloakLoginPage();
        submitKeycloakLogin(username);

        // Password alone is not enough: Keycloak asks for the code.
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && !d.findElements(By.id("otp")).isEmpty());
        browser.driver().findElement(By.id("otp")).sendKeys("000000".equals(KeycloakTestServer.totp(secret, Instant.now()))
                ? "111111" : "000000");
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().toLowerCase().contains("invalid"));
        assertThat(browser.all(By.id("current-user"))).as("a wrong code lets nobody in").isEmpty();

        browser.driver().findElement(By.id("otp")).sendKeys(KeycloakTestServer.totp(secret, Instant.now()));
        browser.driver().findElement(By.id("kc-login")).click();
        WebElement user = browser.await(By.id("current-user"));
        browser.waitUntil(d -> user.getText().contains(username));
        assertThat(user.getText()).contains("EMERGENCY_COMMITTEE");

        // Step-up before a vote: password and then the code again, despite the live Keycloak session.
        browser.open("account");
        browser.click("sign-in-again");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && !d.findElements(By.id("password")).isEmpty());
        browser.driver().findElement(By.id("password")).sendKeys(KeycloakTestServer.DEMO_PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && !d.findElements(By.id("otp")).isEmpty());
    }

    @Test
    void anAdministratorsSignOutEndsThePortalSessionAtOnce() {
        String username = "signed-out-" + SUFFIX;
        String id = KEYCLOAK.createUser(username, "legal-officers", "EE");
        browser.open("");
        awaitKeycloakLoginPage();
        submitKeycloakLogin(username);
        browser.await(By.id("current-user"));

        // Keycloak posts a logout token to the portal's back-channel endpoint; the portal session ends without
        // the browser doing anything (well within the periodic session check's interval).
        KEYCLOAK.logoutEverywhere(id);
        assertThat(KEYCLOAK.sessions(id)).isZero();

        browser.open("account");
        awaitKeycloakLoginPage();
        assertThat(browser.all(By.id("current-user"))).isEmpty();
    }

    @Test
    void aDisabledUserLosesTheSessionAndCannotSignInAgain() throws Exception {
        String username = "disabled-" + SUFFIX;
        String id = KEYCLOAK.createUser(username, "legal-officers", "EE");
        browser.open("");
        awaitKeycloakLoginPage();
        submitKeycloakLogin(username);
        browser.await(By.id("current-user"));

        // Disabling sends no logout token (Keycloak keeps the session); the portal's periodic check exchanges
        // the refresh token, Keycloak refuses it, and the portal session ends at the next request after it.
        KEYCLOAK.setEnabled(id, false);
        assertThat(KEYCLOAK.sessions(id)).isPositive();
        Thread.sleep((SESSION_CHECK_INTERVAL_SECONDS + 1) * 1000L);
        browser.open("account");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()));
        assertThat(browser.all(By.id("current-user"))).isEmpty();

        // And no new login.
        browser.open("");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && (!d.findElements(By.id("username")).isEmpty()
                || d.findElement(By.tagName("body")).getText().contains("Account is disabled")));
        if (!browser.all(By.id("username")).isEmpty()) {
            submitKeycloakLogin(username);
        }
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Account is disabled"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(KEYCLOAK.url());
        assertThat(browser.all(By.id("current-user"))).isEmpty();
    }

    @Test
    void aRoleRemovedInKeycloakCountsAtTheNextLogin() {
        String username = "demoted-" + SUFFIX;
        String id = KEYCLOAK.createUser(username, "legal-officers", "LU");
        browser.open("");
        awaitKeycloakLoginPage();
        submitKeycloakLogin(username);
        WebElement user = browser.await(By.id("current-user"));
        browser.waitUntil(d -> user.getText().contains(username));
        assertThat(user.getText()).contains("LEGAL_OFFICER");

        KEYCLOAK.removeFromGroup(id, "legal-officers");
        browser.click("logout");
        awaitKeycloakLoginPage();
        submitKeycloakLogin(username);
        WebElement again = browser.await(By.id("current-user"));
        browser.waitUntil(d -> again.getText().contains(username));
        assertThat(again.getText()).doesNotContain("LEGAL_OFFICER");
    }

    @Test
    void theLoginFlowCannotBeTurnedIntoAnOpenRedirect() {
        // 1. Keycloak refuses a redirect URI that is not registered for the portal client.
        browser.driver().get(KEYCLOAK.issuer(KeycloakTestServer.REALM) + "/protocol/openid-connect/auth?client_id=portal"
                + "&response_type=code&scope=openid&redirect_uri=" + FOREIGN);
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("redirect_uri"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(KEYCLOAK.url());
        assertThat(browser.all(By.id("username"))).isEmpty();

        // 2. The portal ignores redirect parameters on its own authorization URL: after login it is the portal.
        browser.driver().get(portal("/oauth2/authorization/keycloak?redirect_uri=" + FOREIGN + "&continue=" + FOREIGN
                + "&return=" + FOREIGN));
        awaitKeycloakLoginPage();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("127.0.0.1:9");
        submitKeycloakLogin("lola");
        browser.await(By.id("current-user"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(portal("/"));

        // 3. Keycloak's logout refuses a post-logout redirect that is not registered.
        browser.driver().get(KEYCLOAK.issuer(KeycloakTestServer.REALM) + "/protocol/openid-connect/logout?client_id=portal"
                + "&post_logout_redirect_uri=" + FOREIGN);
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url())
                && d.findElement(By.tagName("body")).getText().toLowerCase().contains("redirect"));
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith("http://127.0.0.1:9");
    }

    private long authTime() {
        String text = browser.driver().findElement(By.id("account-auth-time")).getText();
        return Long.parseLong(text.replaceAll(".*\\(epoch (\\d+)\\).*", "$1"));
    }

    private void awaitKeycloakLoginPage() {
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KEYCLOAK.url()) && !d.findElements(By.id("username")).isEmpty());
    }

    private void submitKeycloakLogin(String username) {
        WebElement name = browser.await(By.id("username"));
        name.clear();
        name.sendKeys(username);
        WebElement password = browser.driver().findElement(By.id("password"));
        password.clear();
        password.sendKeys(KeycloakTestServer.DEMO_PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    /** The portal's session cookie, read through DevTools (the page may be Keycloak's, on another host). */
    @SuppressWarnings("unchecked")
    private String portalSessionCookie() {
        Map<String, Object> result = ((ChromeDriver) browser.driver())
                .executeCdpCommand("Network.getAllCookies", Map.of());
        for (Map<String, Object> cookie : (List<Map<String, Object>>) result.get("cookies")) {
            if ("JSESSIONID".equals(cookie.get("name")) && "localhost".equals(cookie.get("domain"))) {
                return (String) cookie.get("value");
            }
        }
        return null;
    }
}
