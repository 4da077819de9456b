package org.dataembassy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyCapabilityOfTheDesignIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "identity", "policy", "agreements", "datasets", "transfers", "jurisdiction",
                        "activation", "replication", "audit", "shell", "workflow", "status");
    }

    @Test
    void replicationCoreDoesNotDependOnOtherModules() {
        var replication = modules.getModuleByName("replication").orElseThrow();
        assertThat(replication.getDirectDependencies(modules).stream()
                .map(dependency -> dependency.getTargetModule().getIdentifier().toString()))
                .containsOnly("shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(new java.io.File("target/modulith-docs/components.puml")).exists();
    }
}
