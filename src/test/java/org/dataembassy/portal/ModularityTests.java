package org.dataembassy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * The component diagram and one diagram per module, written to {@code target/modulith-docs} and
     * committed under {@code docs/modules} so the picture is there without a build. The committed copy must say what
     * the code says (lines compared in any order: the documenter does not order its elements); refresh it with
     * {@code mvn -o -q test -Dtest=ModularityTests -Dmodules.write=true}.
     */
    @Test
    void theCommittedModuleDocumentationIsTheCodes() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path committed = Path.of("docs/modules");
        List<String> names;
        try (Stream<Path> files = Files.list(generated)) {
            names = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("components.puml", "module-policy.puml");
        if (Boolean.getBoolean("modules.write")) {
            Files.createDirectories(committed);
            for (String name : names) {
                Files.write(committed.resolve(name), stableOrder(Files.readAllLines(generated.resolve(name))));
            }
        }
        try (Stream<Path> files = Files.list(committed)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
                    .as("docs/modules holds the generated files, no more, no fewer").isEqualTo(names);
        }
        for (String name : names) {
            assertThat(sortedLines(committed.resolve(name)))
                    .as("docs/modules/%s is out of date: re-run with -Dmodules.write=true", name)
                    .isEqualTo(sortedLines(generated.resolve(name)));
        }
    }

    /**
     * The documenter's lines with each run of relations (and of components in a boundary) sorted, so a refresh that
     * changes one arrow changes one line of the committed file, not the order of the rest.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = line.startsWith("Rel(") ? "Rel(" : line.startsWith("  Component(") ? "  Component(" : null;
            if (lineKind == null || !lineKind.equals(kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            kind = lineKind;
            if (lineKind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::stripTrailing).sorted().toList();
    }
}
