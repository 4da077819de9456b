package org.dataembassy.portal;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.dataembassy.portal.agreements.ui.RegoEditor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Data Embassy Portal: one modular Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme(value = "data-embassy", variant = Lumo.LIGHT)
@PWA(name = "Data Embassy Portal", shortName = "Data Embassy")
// The production bundle holds only what its entry points reach; this puts the (small, CodeMirror loads on first
// use) <rego-editor> in the start-up chunk, so every view that shows one works, tests' views included.
@Uses(RegoEditor.class)
public class PortalApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
