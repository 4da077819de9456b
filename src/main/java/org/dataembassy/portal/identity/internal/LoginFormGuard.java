package org.dataembassy.portal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the local login form's post ({@code POST /login}), which Vaadin exempts from Spring Security's CSRF
 * check because its login form posts natively: the form carries the session's token (the login page has it in
 * its {@code _csrf} meta tag, which {@code vaadin-login-form} sends as a hidden field), so a post without the
 * right token, or from another origin, is refused — login CSRF. Then the {@link LoginThrottle} refuses names and
 * addresses with too many failures in a row, before the password is even checked.
 */
final class LoginFormGuard extends OncePerRequestFilter {

    static final String EXPIRED = "/login?expired";
    static final String THROTTLED = "/login?throttled";

    private final LoginThrottle throttle;
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    LoginFormGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request) || !validToken(request)) {
            response.sendRedirect(request.getContextPath() + EXPIRED);
            return;
        }
        if (throttle.refusal(request.getParameter("username"), request.getRemoteAddr()).isPresent()) {
            response.sendRedirect(request.getContextPath() + THROTTLED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A browser names the page that posted: it must be this portal (a missing Origin is a non-browser client). */
    private static boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        String self = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(self);
    }

    private boolean validToken(HttpServletRequest request) {
        if (!(request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred)) {
            return false;
        }
        CsrfToken expected = deferred.get();
        String submitted = request.getParameter(expected.getParameterName());
        if (submitted == null || submitted.isEmpty()) {
            return false;
        }
        // the page carries the token masked (XOR, per response) or, with a plain handler, as it is
        String unmasked = masked.resolveCsrfTokenValue(request, expected);
        return equal(expected.getToken(), unmasked) || equal(expected.getToken(), submitted);
    }

    private static boolean equal(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
