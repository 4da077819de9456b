package org.dataembassy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module table of {@code docs/architecture.md} is the map a newcomer reads first: every module of the code has
 * its row, no row names a module that does not exist, and each row's "uses" column lists exactly the modules the
 * code depends on (Spring Modulith's model: types referenced, beans injected, events listened to).
 */
class ArchitectureMapTests {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    /** {@code | `name` (note) | owns … | uses |}: the module's name in back-quotes, the last cell its dependencies. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)`[^|]*\\|.*\\|([^|]*)\\|\\s*$");

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void theModuleTableNamesEveryModuleAndWhatEachUses() throws IOException {
        Map<String, Set<String>> documented = documentedModules(Files.readAllLines(ARCHITECTURE));
        Map<String, Set<String>> actual = new TreeMap<>();
        for (ApplicationModule module : modules) {
            actual.put(module.getIdentifier().toString(), module.getDirectDependencies(modules).stream()
                    .map(dependency -> dependency.getTargetModule().getIdentifier().toString())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(documented)
                .as("docs/architecture.md's module table (module -> uses) against the code's modules and their"
                        + " direct dependencies; change the table (or the code) so they agree")
                .isEqualTo(actual);
    }

    @Test
    void aRowIsReadAsItsModuleAndTheModulesItUses() {
        Map<String, Set<String>> rows = documentedModules(List.of(
                "| module | owns | uses |",
                "|---|---|---|",
                "| `shared` (open) | values | — |",
                "| `audit` | the trail, `AuditView` | shared, identity, shell |",
                "",
                "| `outside` | a later table | shared |"));
        assertThat(rows).isEqualTo(Map.of("shared", Set.of(), "audit", Set.of("shared", "identity", "shell")));
    }

    /** The rows of the first table whose header starts with {@code | module |}, up to the first line outside it. */
    static Map<String, Set<String>> documentedModules(List<String> lines) {
        Map<String, Set<String>> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (!inTable) {
                inTable = line.startsWith("| module |");
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), Arrays.stream(row.group(2).split(","))
                        .map(String::strip)
                        .filter(name -> name.matches("[a-z]+"))
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return rows;
    }
}
