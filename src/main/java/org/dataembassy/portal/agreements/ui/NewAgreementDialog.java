package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementOverview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The "new agreement" form: the parties picked by name ("Estonia (EE)"), title, reference, suffix, and what the first
 * draft starts from — blank terms of schema_version 2 unless the legal officer chooses a published agreement whose
 * clauses to copy. A fictional (test) agreement may name the user-assigned parties XA to XZ. The registry's refusals
 * are shown beside their fields.
 */
class NewAgreementDialog extends Dialog {

    private final ComboBox<String> originating = countries("Originating state", "originating-state");
    private final ComboBox<String> host = countries("Host state", "host-state");
    private final TextField title = field("Title", "title", "Agreement between … on the hosting of data");
    private final TextField reference = field("Treaty reference", "treaty-reference", "e.g. signed 2017, RT II");
    private final TextField suffix = field("Suffix (only for a second agreement between the same states)", "suffix", "");
    private final Select<AgreementOverview> template = new Select<>();
    private final Checkbox fictional = new Checkbox("Fictional (test) agreement: parties may be the user-assigned "
            + "codes XA to XZ (schema_version 2 only)");
    private final Div fictionalError = new Div();
    private final Div otherErrors = new Div();

    NewAgreementDialog(AgreementDrafting drafting, List<AgreementOverview> agreements, Consumer<AgreementVersion> created) {
        setHeaderTitle("New agreement");
        template.setLabel("Start from");
        template.setId("template");
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption("Blank terms (schema_version 2)");
        template.setItems(agreements.stream().filter(a -> a.publishedVersion() != null).toList());
        template.setItemLabelGenerator(a -> a == null ? "Blank terms (schema_version 2)"
                : "Copy the clauses of " + a.id() + " — " + a.title());
        template.setHelperText("Blank unless you choose an agreement: nothing is copied otherwise");
        fictional.setId("fictional");
        fictional.addValueChangeListener(e -> offerTestStates(e.getValue()));
        fictionalError.setId("fictional-error");
        fictionalError.getStyle().set("color", "var(--lumo-error-text-color)");
        otherErrors.setId("create-errors");
        otherErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        Map<String, HasValidation> fields = Map.of("originatingState", originating, "hostState", host, "title", title,
                "treatyReference", reference, "suffix", suffix, "template", template);
        Button create = new Button("Create draft", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            fictionalError.setText("");
            otherErrors.removeAll();
            try {
                AgreementVersion draft = drafting.create(request());
                close();
                created.accept(draft);
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach((name, message) -> {
                    HasValidation f = fields.get(name);
                    if (f != null) {
                        f.setErrorMessage(message);
                        f.setInvalid(true);
                    } else if ("fictional".equals(name)) {
                        fictionalError.setText(message);
                    } else {
                        otherErrors.add(new Div(name + ": " + message));
                    }
                });
            }
        });
        create.setId("create-agreement");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(originating, host, title, reference, suffix, template);
        add(form, fictional, fictionalError, otherErrors);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private NewAgreement request() {
        AgreementOverview from = template.getValue();
        return new NewAgreement(originating.getValue(), host.getValue(), title.getValue(), reference.getValue(),
                suffix.getValue(), from == null ? Integer.valueOf(2) : null, from == null ? null : from.key(),
                fictional.getValue());
    }

    /** The pickers list the user-assigned XA to XZ too while "fictional" is ticked. */
    private void offerTestStates(boolean offer) {
        for (ComboBox<String> picker : List.of(originating, host)) {
            String value = picker.getValue();
            picker.setItems(codes(offer));
            if (value != null && (offer || !CountryCode.isUserAssigned(value))) {
                picker.setValue(value);
            }
        }
    }

    private static List<String> codes(boolean testStates) {
        List<String> codes = new ArrayList<>(CountryCode.all());
        if (testStates) {
            IntStream.rangeClosed('A', 'Z').forEach(c -> codes.add("X" + (char) c));
        }
        codes.sort(Comparator.comparing(CountryCode::label, String.CASE_INSENSITIVE_ORDER));
        return codes;
    }

    private static ComboBox<String> countries(String label, String id) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setId(id);
        box.setItems(codes(false));
        box.setItemLabelGenerator(CountryCode::label);
        box.setPlaceholder("type a name or a code, e.g. Estonia or EE");
        box.setWidthFull();
        return box;
    }

    private static TextField field(String label, String id, String placeholder) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setPlaceholder(placeholder);
        return f;
    }
}
