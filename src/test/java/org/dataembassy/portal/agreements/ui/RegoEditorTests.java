package org.dataembassy.portal.agreements.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.PropertyChangeDeniedException;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server side of the Rego editor: what goes to the browser and what comes back. */
class RegoEditorTests {

    private final RegoEditor editor = new RegoEditor();

    @Test
    void problemsGoToTheBrowserAsOneBasedPositionsWithLowerCaseSeverity() {
        editor.setProblems(List.of(EditorProblem.error(3, 5, "rego_parse_error: unexpected \"oops\""),
                new EditorProblem(1, 1, "unused import", Severity.WARNING)));

        assertThat(String.valueOf(editor.getElement().getPropertyRaw("problems"))).isEqualToIgnoringWhitespace("""
                [{"line":3,"column":5,"message":"rego_parse_error: unexpected \\"oops\\"","severity":"error"},
                 {"line":1,"column":1,"message":"unused import","severity":"warning"}]""");
        assertThat(editor.getProblems()).hasSize(2);
    }

    @Test
    void clearingProblemsSendsAnEmptyList() {
        editor.setProblems(List.of(EditorProblem.error(1, 1, "x")));
        editor.setProblems(null);

        assertThat(String.valueOf(editor.getElement().getPropertyRaw("problems"))).isEqualTo("[]");
        assertThat(editor.getProblems()).isEmpty();
    }

    @Test
    void problemPositionsAreOneBased() {
        assertThatThrownBy(() -> EditorProblem.error(0, 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EditorProblem.error(1, 0, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueIsNeverNullAndSetValueGoesToTheBrowserProperty() {
        assertThat(editor.getValue()).isEmpty();
        editor.setValue("package x");
        assertThat(editor.getElement().getProperty("value")).isEqualTo("package x");
        editor.setValue(null);
        assertThat(editor.getValue()).isEmpty();
    }

    @Test
    void anEditFromTheBrowserUpdatesTheValueAndReachesListenersWithTheEventText() {
        List<String> heard = new ArrayList<>();
        editor.addValueChangeListener(e -> heard.add(e.getValue() + " / fromClient=" + e.isFromClient()));
        editor.setValue("from server");
        assertThat(heard).as("setValue is not an edit").isEmpty();

        typeInBrowser("package edited");

        assertThat(editor.getValue()).isEqualTo("package edited");
        assertThat(heard).containsExactly("package edited / fromClient=true");
    }

    @Test
    void saveFromTheBrowserCarriesTheText() {
        List<String> saved = new ArrayList<>();
        editor.addSaveListener(e -> saved.add(e.getValue()));

        fireBrowserEvent("save-requested", "package saved");

        assertThat(saved).containsExactly("package saved");
    }

    @Test
    void whileReadOnlyTheBrowserCanNeitherEditNorSave() {
        List<String> heard = new ArrayList<>();
        editor.addValueChangeListener(e -> heard.add(e.getValue()));
        editor.addSaveListener(e -> heard.add("save"));
        editor.setValue("package kept");
        editor.setReadOnly(true);

        typeInBrowser("package tampered");
        fireBrowserEvent("save-requested", "package tampered");

        assertThat(editor.isReadOnly()).isTrue();
        assertThat(editor.getElement().getProperty("readonly", false)).isTrue();
        assertThat(editor.getValue()).isEqualTo("package kept");
        assertThat(heard).isEmpty();
    }

    @Test
    void everyNpmPackageIsPinnedToTheSameExactVersionInPackageJson() throws IOException {
        String packageJson = Files.readString(Path.of("package.json"));
        NpmPackage[] packages = RegoEditor.class.getAnnotationsByType(NpmPackage.class);
        assertThat(packages).isNotEmpty();
        for (NpmPackage npm : packages) {
            assertThat(npm.version()).as(npm.value()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(packageJson).as(npm.value()).contains("\"" + npm.value() + "\": \"" + npm.version() + "\"");
        }
    }

    /** What Flow does when the browser's debounced value-changed arrives: sync the property, then the event. */
    private void typeInBrowser(String text) {
        try {
            editor.getElement().getNode().getFeature(ElementPropertyMap.class).deferredUpdateFromClient("value", text)
                    .run();
        } catch (PropertyChangeDeniedException e) {
            throw new AssertionError("Flow refused to sync value from the browser", e);
        }
        fireBrowserEvent("value-changed", text);
    }

    private void fireBrowserEvent(String type, String value) {
        JsonObject data = Json.createObject();
        data.put("event.detail.value", value);
        editor.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(editor.getElement(), type, data));
    }
}
