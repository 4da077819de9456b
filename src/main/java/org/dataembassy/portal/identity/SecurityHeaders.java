package org.dataembassy.portal.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/** The security headers every filter chain of the portal sends (UI, REST API, policy bundle downloads). */
public final class SecurityHeaders {

    /**
     * What the portal's pages may load and do. Vaadin Flow needs inline and {@code eval}'d scripts (its
     * bootstrap and {@code executeJs}) and inline styles (Lumo, CodeMirror, bpmn-js); everything else is this
     * origin only, no plugins, no framing, forms post only here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Browser features no page of the portal uses. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /**
     * Security headers for every chain: Spring Security's defaults (nosniff, no caching, frame options, HSTS on
     * requests that arrived over TLS) plus Content-Security-Policy (not on Camunda's web apps, which send their own),
     * Referrer-Policy {@code same-origin} (ids in URLs never leave for another site) and Permissions-Policy.
     */
    public static void apply(HttpSecurity http) throws Exception {
        HeaderWriter csp = new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY));
        http.headers(headers -> headers
                .addHeaderWriter(csp)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }
}
