package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5: every model in bpmn/ has a {@code *ProcessTests} class that deploys it with
 * {@code @Deployment(resources = "bpmn/<file>")}, runs on the coverage extension (report under
 * target/process-test-coverage/) and asserts a class coverage of at least 90%. Without this check a new model
 * could ship with no process test, or with one that never measures its coverage.
 */
class ProcessTestCoverageConventionsTests {

    static final double REQUIRED_CLASS_COVERAGE = 0.9;
    private static final Path TEST_SOURCES = Path.of("src/test/java");

    static Stream<Path> models() throws IOException {
        return BpmnConventionsTests.models();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelHasAProcessTestClassThatAssertsItsCoverage(Path file) throws Exception {
        String resource = "bpmn/" + file.getFileName();
        List<Class<?>> deployers = processTestClasses().stream()
                .filter(type -> deploys(type, resource))
                .toList();
        assertThat(deployers).as("a *ProcessTests class with @Deployment(resources = \"%s\")", resource).isNotEmpty();
        for (Class<?> type : deployers) {
            assertThat(coverageExtensionFields(type))
                    .as("%s registers a static ProcessEngineCoverageExtension", type.getSimpleName()).isNotEmpty();
            Field minimum = type.getDeclaredField("MINIMUM_CLASS_COVERAGE");
            minimum.setAccessible(true);
            assertThat(minimum.getDouble(null)).as("%s.MINIMUM_CLASS_COVERAGE", type.getSimpleName())
                    .isGreaterThanOrEqualTo(REQUIRED_CLASS_COVERAGE);
            assertThat(Files.readString(sourceOf(type)))
                    .as("%s asserts its minimum on the extension", type.getSimpleName())
                    .contains("assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)");
        }
    }

    private static List<Class<?>> processTestClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            return files.filter(p -> p.getFileName().toString().endsWith("ProcessTests.java"))
                    .map(ProcessTestCoverageConventionsTests::load)
                    .toList();
        }
    }

    private static Class<?> load(Path source) {
        String relative = TEST_SOURCES.relativize(source).toString();
        String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.').replace('\\', '.');
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test source without compiled class: " + source, e);
        }
    }

    private static Path sourceOf(Class<?> type) {
        return TEST_SOURCES.resolve(type.getName().replace('.', '/') + ".java");
    }

    private static boolean deploys(Class<?> type, String resource) {
        Deployment deployment = type.getAnnotation(Deployment.class);
        return deployment != null && Arrays.asList(deployment.resources()).contains(resource);
    }

    private static List<Field> coverageExtensionFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .filter(f -> f.isAnnotationPresent(RegisterExtension.class))
                .filter(f -> ProcessEngineCoverageExtension.class.isAssignableFrom(f.getType()))
                .toList();
    }
}
