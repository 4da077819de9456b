package org.dataembassy.portal.workflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dependency.NpmPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server side of the process diagram: what goes to the browser. */
class ProcessDiagramTests {

    private final ProcessDiagram diagram = new ProcessDiagram();

    @Test
    void idsGoToTheBrowserAsJsonArraysAndNullClearsThem() {
        diagram.setCurrent(List.of("Task_LegalReview"));
        diagram.setCompleted(List.of("StartEvent_OnboardingRequested", "Task_EvaluateOnboardingPolicy"));
        diagram.setTaken(List.of("SequenceFlow_ToPolicy"));
        diagram.setIncidents(null);

        assertThat(String.valueOf(diagram.getElement().getPropertyRaw("current"))).isEqualTo("[\"Task_LegalReview\"]");
        assertThat(String.valueOf(diagram.getElement().getPropertyRaw("completed")))
                .isEqualTo("[\"StartEvent_OnboardingRequested\",\"Task_EvaluateOnboardingPolicy\"]");
        assertThat(String.valueOf(diagram.getElement().getPropertyRaw("taken"))).isEqualTo("[\"SequenceFlow_ToPolicy\"]");
        assertThat(String.valueOf(diagram.getElement().getPropertyRaw("incidents"))).isEqualTo("[]");
    }

    @Test
    void theModelIsNeverNull() {
        assertThat(diagram.getElement().getProperty("xml")).isEmpty();
        diagram.setXml("<definitions/>");
        assertThat(diagram.getElement().getProperty("xml")).isEqualTo("<definitions/>");
        diagram.setXml(null);
        assertThat(diagram.getElement().getProperty("xml")).isEmpty();
    }

    @Test
    void bpmnJsIsPinnedToTheSameExactVersionInPackageJsonAndTheLock() throws IOException {
        String packageJson = Files.readString(Path.of("package.json"));
        String lock = Files.readString(Path.of("package-lock.json"));
        NpmPackage npm = ProcessDiagram.class.getAnnotation(NpmPackage.class);
        assertThat(npm.value()).isEqualTo("bpmn-js");
        assertThat(npm.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(packageJson).contains("\"bpmn-js\": \"" + npm.version() + "\"");
        assertThat(lock).containsPattern("\"node_modules/bpmn-js\": \\{\\s*\"version\": \"" + npm.version().replace(".", "\\.") + "\"");
    }
}
