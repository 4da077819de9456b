package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dataembassy.portal.shared.Classification;

/**
 * The structured clauses most often changed, as form fields bound to paths of the terms JSON
 * ({@code lifecycle.status}, {@code data.permitted_classifications}, … for the seeds' terms;
 * {@code clauses.data_scope.classification.ceiling}, … for terms of schema_version 2: the form rebuilds itself for
 * the terms it shows). Everything else is edited in the JSON tab. Errors from the registry arrive keyed by the same paths and are shown beside their field.
 */
class ClauseForm extends FormLayout {

    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, Runnable> loaders = new LinkedHashMap<>();
    private ObjectNode terms;
    private boolean loading;
    private boolean readOnly;
    private int built;
    private final Consumer<ObjectNode> changed;

    ClauseForm(Consumer<ObjectNode> changed) {
        this.changed = changed;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2), new ResponsiveStep("70em", 3));
        build(1);
    }

    /** The fields of terms of {@code schemaVersion} (1: the seeds' shape; 2: the clause vocabulary). */
    private void build(int schemaVersion) {
        removeAll();
        fields.clear();
        loaders.clear();
        built = schemaVersion;
        if (schemaVersion == 2) {
            buildV2();
            return;
        }
        section("Lifecycle and validity");
        Select<String> status = new Select<>();
        status.setItems("DRAFT", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED");
        text(status, "Status", "lifecycle.status");
        date("Signed", "lifecycle.signed");
        date("In force from", "lifecycle.in_force_from");
        date("Suspended from", "lifecycle.suspended_from");
        date("Terminated on", "lifecycle.terminated_on");
        date("Valid from", "validity.from");
        date("Valid until", "validity.until");
        section("Data that may be hosted");
        CheckboxGroup<String> classifications = new CheckboxGroup<>("Permitted classifications");
        classifications.setItems(Arrays.stream(Classification.values()).map(Enum::name).toList());
        bindSet(classifications, "data.permitted_classifications");
        flag("Personal data needs legal review", "data.personal_data_requires_review");
        flag("Registers need legal review", "data.registers.require_review");
        section("Host access, notification and activation");
        flag("Host-state access prohibited", "host_access.prohibited");
        number("Incident notice (hours)", "notification.incident_hours");
        number("Emergency entry notice (hours)", "notification.emergency_entry_hours");
        number("Activation quorum: approvals needed (M)", "activation.quorum.m");
        number("Activation quorum: committee size (N)", "activation.quorum.n");
    }

    /**
     * Terms of schema_version 2: the values most often changed; the history, exceptions, conditions and duties are
     * edited in the JSON tab (docs/policy-authoring.md, "Terms of schema_version 2").
     */
    private void buildV2() {
        section("Validity (the last day is included)");
        date("Valid from", "validity.from");
        date("Valid until", "validity.until");
        section("Data that may be hosted");
        Select<String> ceiling = new Select<>();
        ceiling.setItems(Arrays.stream(Classification.values()).map(Enum::name).toList());
        text(ceiling, "Any data up to", "clauses.data_scope.classification.ceiling");
        Select<String> categories = new Select<>();
        categories.setItems("open", "closed");
        text(categories, "Categories (open: all but those excluded)", "clauses.data_scope.categories.mode");
        flag("Personal data may be hosted", "clauses.personal_data.allowed");
        section("Activation and evacuation");
        number("Activation quorum: approvals needed (M)", "clauses.activation.approvers.quorum.m");
        number("Activation quorum: committee size (N)", "clauses.activation.approvers.quorum.n");
        Select<String> timing = new Select<>();
        timing.setItems("before", "after", "none");
        text(timing, "Notice to the host state", "clauses.activation.host_notice.timing");
        period("Notice within (after activation)", "clauses.activation.host_notice.within");
        period("Evacuation within (after the end)", "clauses.evacuation.within");
    }

    private void period(String label, String path) {
        TextField field = new TextField(label);
        field.setHelperText("An ISO 8601 period: PT24H, P180D, P12M");
        register(field, path, () -> field.setValue(node(path).isTextual() ? node(path).asText() : ""),
                () -> put(path, field.getValue().isBlank() ? null : field.getValue().strip()));
    }

    /** Shows these terms (a JSON object); changes flow back through the callback as a new object. */
    void load(ObjectNode value) {
        int schemaVersion = value.path("schema_version").asInt(1) == 2 ? 2 : 1;
        if (schemaVersion != built) {
            boolean readOnly = this.readOnly;
            build(schemaVersion);
            setReadOnly(readOnly);
        }
        terms = value.deepCopy();
        loading = true;
        try {
            loaders.values().forEach(Runnable::run);
        } finally {
            loading = false;
        }
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        fields.values().forEach(f -> f.setReadOnly(readOnly));
    }

    void clearErrors() {
        fields.values().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    /** Shows an error for {@code terms.<path>} (or for an object, beside its first field); false when no field here edits it. */
    boolean showError(String key, String message) {
        String path = key.startsWith("terms.") ? key.substring("terms.".length()) : key;
        HasValue<?, ?> field = fields.get(path);
        if (field == null) { // an error about an object (a quorum) goes beside its first field here
            field = fields.entrySet().stream().filter(e -> e.getKey().startsWith(path + ".")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (!(field instanceof HasValidation validated)) {
            return false;
        }
        validated.setErrorMessage(message);
        validated.setInvalid(true);
        return true;
    }

    private void section(String title) {
        H4 heading = new H4(title);
        add(heading);
        setColspan(heading, 3);
    }

    private void text(Select<String> select, String label, String path) {
        select.setLabel(label);
        register(select, path, () -> select.setValue(node(path).isTextual() ? node(path).asText() : null),
                () -> put(path, select.getValue()));
    }

    private void date(String label, String path) {
        DatePicker picker = new DatePicker(label);
        picker.setClearButtonVisible(true);
        register(picker, path, () -> picker.setValue(parse(node(path))),
                () -> put(path, picker.getValue() == null ? null : picker.getValue().toString()));
    }

    private void flag(String label, String path) {
        Checkbox box = new Checkbox(label);
        register(box, path, () -> box.setValue(node(path).asBoolean(false)), () -> put(path, box.getValue()));
    }

    private void number(String label, String path) {
        IntegerField number = new IntegerField(label);
        number.setStepButtonsVisible(true);
        register(number, path, () -> number.setValue(node(path).isNumber() ? node(path).asInt() : null),
                () -> put(path, number.getValue()));
    }

    private void bindSet(CheckboxGroup<String> group, String path) {
        register(group, path, () -> {
            Set<String> values = new LinkedHashSet<>();
            node(path).forEach(n -> values.add(n.asText()));
            group.setValue(values);
        }, () -> {
            ArrayNode array = terms.arrayNode();
            Arrays.stream(Classification.values()).map(Enum::name).filter(group.getValue()::contains).forEach(array::add);
            parent(path).set(leaf(path), array);
        });
    }

    private <C extends Component & HasValue<?, ?>> void register(C field, String path, Runnable load,
                                                                         Runnable store) {
        field.setId("clause-" + path.replace('.', '-').replace('_', '-'));
        fields.put(path, field);
        loaders.put(path, load);
        field.addValueChangeListener(e -> {
            if (!loading && terms != null) {
                store.run();
                changed.accept(terms.deepCopy());
            }
        });
        add(field);
    }

    private JsonNode node(String path) {
        JsonNode node = terms;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private ObjectNode parent(String path) {
        ObjectNode node = terms;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private void put(String path, Object value) {
        ObjectNode parent = parent(path);
        String leaf = leaf(path);
        if (value == null) {
            parent.putNull(leaf);
        } else if (value instanceof Boolean b) {
            parent.put(leaf, b);
        } else if (value instanceof Integer i) {
            parent.put(leaf, i);
        } else {
            parent.put(leaf, value.toString());
        }
    }

    private static LocalDate parse(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
