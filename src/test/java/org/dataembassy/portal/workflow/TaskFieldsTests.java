package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TaskFieldsTests {

    @Test
    void readsTypedFieldsAndDefaultsWhatIsOptional() {
        TaskFields fields = new TaskFields(Map.of("approve", true, "sites", List.of("embassy-lu")));
        assertThat(fields.bool("approve")).isTrue();
        assertThat(fields.text("comment")).isEmpty();
        assertThat(fields.texts("sites")).containsExactly("embassy-lu");
        fields.check(Set.of("approve", "comment", "sites"));
    }

    @Test
    void refusesEveryWrongMissingOrUnknownFieldAtOnceByName() {
        TaskFields fields = new TaskFields(Map.of("approve", "yes", "comment", 3, "sites", List.of(1), "extra", 1));
        fields.bool("approve");
        fields.text("comment");
        fields.texts("sites");
        fields.bool("confirm");
        assertThatThrownBy(() -> fields.check(Set.of("approve", "comment", "sites", "confirm")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("approve", "comment", "sites", "confirm", "extra")
                        .containsEntry("confirm", "required: true or false")
                        .hasEntrySatisfying("extra", m -> assertThat(m).contains("approve, comment, confirm, sites")));
    }
}
