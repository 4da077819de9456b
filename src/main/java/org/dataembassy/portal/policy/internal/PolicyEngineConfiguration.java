package org.dataembassy.portal.policy.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.dataembassy.portal.policy.PolicyProperties;
import org.dataembassy.portal.shared.PortalProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the OPA the portal talks to: supervised on loopback (default) or external (production), and
 * signs and serves the policy bundle both kinds pull from the portal.
 */
@Configuration
class PolicyEngineConfiguration {

    @Bean
    OpaProbe opaProbe() {
        return new OpaProbe();
    }

    /**
     * The portal-private folder of the OPA commands, {@code <data-dir>/opa/sandbox}, with the sandbox capabilities
     * generated from the binary. The data folder is resolved here once: it may contain {@code ${random.uuid}} (tests).
     */
    @Bean
    OpaSandbox opaSandbox(PolicyProperties properties, PortalProperties portal) {
        Path opaHome = portal.home().resolve("opa");
        return OpaSandbox.prepare(opaHome.resolve("sandbox"), OpaSupervisor.resolveBinary(properties.opaBinary()),
                properties.commandTimeout(), SandboxCapabilities.load());
    }

    /**
     * The signing key (created on first start) and the signed bundle of the jar's or the configured policy folder,
     * which must pass the sandbox check like every bundle the portal signs: start-up fails if it does not.
     */
    @Bean
    PolicyBundles policyBundles(PolicyProperties properties, OpaSandbox sandbox, OpaCommands opa) {
        Path opaHome = sandbox.root().getParent();
        BundleSigningKey key = BundleSigningKey.loadOrCreate(opaHome.resolve("signing"), properties.bundleKeyId(),
                properties.bundleToken());
        Path folder = properties.bundleDir().isBlank()
                ? BundleFolder.extractFromClasspath(opaHome.resolve("bundle"))
                : Path.of(properties.bundleDir()).toAbsolutePath();
        PolicyBundles bundles = new PolicyBundles(opaHome, folder, key, opa::checkBundle);
        bundles.publish(folder);
        return bundles;
    }

    @Bean
    OpaStatusReports opaStatusReports(PolicyBundles bundles) {
        return new OpaStatusReports(bundles, Clock.systemUTC());
    }

    @Bean
    OpaEndpoint opaEndpoint(PolicyProperties properties, OpaProbe probe, PolicyBundles bundles,
                            ApplicationContext context, Environment environment) {
        if (!properties.supervised()) {
            return new ExternalOpa(properties.url(), probe);
        }
        Path opaHome = bundles.home(); // resolved once: data-dir may contain ${random.uuid} (tests)
        Path configFile = opaHome.resolve("opa-config.json");
        return new OpaSupervisor(OpaSupervisor.resolveBinary(properties.opaBinary()), () -> {
            String portal = portalUrl(properties, context, environment);
            SupervisedOpaConfig.write(configFile, SupervisedOpaConfig.content(portal, bundles.key(),
                    properties.bundlePollingMin(), properties.bundlePollingMax()));
            // Keep bundle data in OPA's AST form so a decision does not convert every agreement's terms
            // again: with 50 agreements the default store spent ~85% of evaluation there (docs/benchmarks.md).
            return List.of("--config-file", configFile.toString(), "--optimize-store-for-read-speed");
        }, "the portal (" + PolicyBundles.PATH + ")", opaHome.resolve("opa.log"), properties.startupTimeout(), probe);
    }

    /** Where the supervised OPA reaches the portal: configured, or this node's HTTP port on loopback. */
    static String portalUrl(PolicyProperties properties, ApplicationContext context, Environment environment) {
        if (!properties.bundleServiceUrl().isBlank()) {
            return properties.bundleServiceUrl().replaceFirst("/+$", "");
        }
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0) {
            throw new IllegalStateException("the supervised OPA downloads its policy bundle from the portal's web server,"
                    + " which is not running; set dataembassy.policy.bundle-service-url or use an external OPA");
        }
        if (environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.bundle") != null) {
            throw new IllegalStateException("the portal serves HTTPS: set dataembassy.policy.bundle-service-url to an"
                    + " address whose certificate the supervised OPA trusts");
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "").replaceFirst("/+$", "");
        return "http://127.0.0.1:" + web.getWebServer().getPort() + contextPath;
    }

    /** The OPA command line for checks, formatting, tests and draft evaluation: the supervised server's binary, sandboxed. */
    @Bean
    OpaCommands opaCommands(PolicyProperties properties, OpaSandbox sandbox) {
        return new OpaCommands(OpaSupervisor.resolveBinary(properties.opaBinary()), properties.commandTimeout(), sandbox);
    }

    @Bean
    OpaDecisionClient opaDecisionClient(OpaEndpoint endpoint, PolicyProperties properties) {
        return new OpaDecisionClient(endpoint, properties.decisionTimeout());
    }
}
