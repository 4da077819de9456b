package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataembassy.portal.support.Browser;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Each role, signed in through the real login page, opens every route: allowed ones render, others are refused. */
@PortalIntegrationTest
class RoleAccessBrowserIT {

    /** route -> roles that may open it (mirrors the views' annotations; a change there must change this). */
    static final Map<String, Set<String>> ACCESS = new LinkedHashMap<>();

    static {
        Set<String> everyone = Set.of("DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "EMERGENCY_COMMITTEE", "AUDITOR", "ADMIN");
        ACCESS.put("", everyone);
        ACCESS.put("tasks", everyone);
        ACCESS.put("agreements", Set.of("LEGAL_OFFICER", "AUDITOR", "ADMIN"));
        ACCESS.put("agreements/try-it", Set.of("LEGAL_OFFICER", "AUDITOR", "ADMIN"));
        ACCESS.put("datasets", Set.of("DATA_OWNER"));
        ACCESS.put("datasets/onboard", Set.of("DATA_OWNER"));
        ACCESS.put("transfers", Set.of("DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"));
        ACCESS.put("jurisdiction", Set.of("LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"));
        ACCESS.put("activation", Set.of("EMERGENCY_COMMITTEE", "AUDITOR"));
        ACCESS.put("activation/key-ceremony", Set.of("SECURITY_OFFICER", "ADMIN"));
        ACCESS.put("obligations", Set.of("LEGAL_OFFICER", "AUDITOR", "ADMIN"));
        ACCESS.put("audit", Set.of("AUDITOR", "ADMIN"));
        ACCESS.put("status", Set.of("AUDITOR", "ADMIN"));
        ACCESS.put("processes", Set.of("AUDITOR", "ADMIN"));
        ACCESS.put("account", everyone); // not in the navigation: the header links to it
    }

    /** Every route without parameters has an expectation above (routes with parameters: AccessAnnotationsTests). */
    @org.junit.jupiter.api.Test
    void everyRouteWithoutParametersIsInTheMatrix() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.dataembassy.portal")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                String route = view.getAnnotation(Route.class).value();
                boolean parameters = route.contains(":") || HasUrlParameter.class.isAssignableFrom(view);
                if (!parameters && !route.equals("login") && !route.startsWith("test/")) {
                    routes.add(route);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(ACCESS.keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    static final AtomicInteger TRIED = new AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void report() throws IOException {
        String line = String.format("Route × role matrix in Chromium: %d routes × %d roles, %d page loads checked,"
                + " 0 reachable without the right role (anonymous visitors: HttpSecurityIT)%n", ACCESS.size(), USERS.size(), TRIED.get());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-matrix-routes.txt"), line);
        System.out.println(line);
    }

    static final Map<String, String> USERS = Map.of("dora", "DATA_OWNER", "lola", "LEGAL_OFFICER",
            "sam", "SECURITY_OFFICER", "cora", "EMERGENCY_COMMITTEE", "aude", "AUDITOR", "ada", "ADMIN");

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"dora", "lola", "sam", "cora", "aude", "ada"})
    void eachRoleOpensExactlyItsPages(String username) {
        String role = USERS.get(username);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.login(username, BrowserTest.PASSWORD);
            browser.await(By.id("main-nav"));
            List<String> navigation = browser.all(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                    .map(e -> e.getDomAttribute("path")).toList();
            for (var entry : ACCESS.entrySet()) {
                String route = entry.getKey();
                boolean allowed = entry.getValue().contains(role);
                browser.open(route);
                try {
                    browser.await(By.cssSelector("#access-denied, #main-nav"));
                } catch (RuntimeException e) {
                    browser.screenshot("access-timeout-" + username + "-" + route.replace('/', '_'));
                    throw e;
                }
                boolean denied = !browser.all(By.id("access-denied")).isEmpty();
                if (denied != !allowed) {
                    browser.screenshot("access-" + username + "-" + route.replace('/', '_'));
                }
                assertThat(denied).as(role + " on /" + route).isEqualTo(!allowed);
                TRIED.incrementAndGet();
                if (!route.contains("/") && !route.equals("account")) { // reached from the header (the signed-in name)
                    assertThat(navigation.stream().anyMatch(p -> p.equals("/" + route) || p.equals(route)))
                            .as(role + " sees /" + route + " in the navigation").isEqualTo(allowed);
                }
            }
            // signed in already, the login page forwards home instead of showing an empty form that reads as a
            // failed sign-in (which is what a reload of the login page racing the sign-in's redirect showed)
            browser.open("login");
            browser.await(By.id("main-nav"));
            assertThat(browser.all(By.cssSelector("vaadin-login-form"))).as(role + " on /login").isEmpty();
        }
    }
}
