package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.activation.EmergencyType;
import org.dataembassy.portal.activation.TriggerOptions;
import org.dataembassy.portal.activation.TriggerRequest;
import org.dataembassy.portal.agreements.ActivationTerms;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.identity.FreshAuthenticationRequired;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.FieldErrors;

/** The trigger form: errors appear beside their fields and nothing is started until the input is valid. */
class TriggerForm extends VerticalLayout {

    TriggerForm(EmergencyActivations activations, Runnable afterTrigger) {
        setPadding(false);
        TriggerOptions options = activations.options();
        Select<String> agreement = new Select<>();
        agreement.setLabel("Agreement");
        agreement.setId("activation-agreement");
        agreement.setItems(options.agreements().stream().map(ActivationTerms::agreementKey).toList());
        Select<String> site = new Select<>();
        site.setLabel("Embassy site");
        site.setId("activation-site");
        site.setItems(options.embassySites());
        Select<EmergencyType> type = new Select<>();
        type.setLabel("Emergency");
        type.setId("emergency-type");
        type.setItems(EmergencyType.values());
        TextArea justification = new TextArea("Justification");
        justification.setId("justification");
        justification.setMaxLength(2000);
        CheckboxGroup<String> declarations = new CheckboxGroup<>("Declarations made");
        declarations.setId("declarations");
        declarations.setItems(options.declarations());
        CheckboxGroup<OnboardingRequest> datasets = new CheckboxGroup<>("Datasets (none ticked: every active dataset at the site)");
        datasets.setId("activation-datasets");
        datasets.setItemLabelGenerator(OnboardingRequest::name);
        Runnable loadDatasets = () -> datasets.setItems(agreement.getValue() == null || site.getValue() == null
                ? List.of() : activations.candidateDatasets(agreement.getValue(), site.getValue()));
        agreement.addValueChangeListener(e -> loadDatasets.run());
        site.addValueChangeListener(e -> loadDatasets.run());
        Checkbox rehearsal = new Checkbox("Rehearsal (no key released, no data touched)");
        rehearsal.setId("rehearsal");
        PasswordField share = new PasswordField("Your key share" + (options.ceremonyHeld() ? "" : " (no key ceremony held: leave empty)"));
        share.setId("trigger-key-share");
        Map<String, HasValidation> fields = Map.of("agreement", agreement, "site", site, "emergencyType", type,
                "justification", justification, "declarations", declarations, "datasets", datasets, "keyShare", share);
        Button trigger = new Button("Trigger activation", e -> {
            FieldErrors.clear(fields);
            try {
                activations.trigger(new TriggerRequest(agreement.getValue(), site.getValue(), type.getValue(),
                        justification.getValue(), new ArrayList<>(declarations.getValue()),
                        datasets.getValue().stream().map(OnboardingRequest::id).toList(), rehearsal.getValue(), share.getValue()));
                share.clear();
                justification.clear();
                afterTrigger.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, justification);
            } catch (FreshAuthenticationRequired ex) {
                add(ActivationActions.stepUp(ex.getMessage(), ex.stepUpUrl()));
            }
        });
        trigger.setId("trigger-activation");
        trigger.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(new FormLayout(agreement, site, type, justification, declarations, datasets, rehearsal, share), trigger);
    }
}
