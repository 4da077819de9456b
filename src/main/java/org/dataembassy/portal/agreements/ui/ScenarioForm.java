package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataembassy.portal.agreements.ActivationTerms;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.agreements.Scenario;
import org.dataembassy.portal.shared.Classification;

/**
 * The scenario fields, one group per entry point; the activation group offers the chosen agreement's own roles and
 * declarations ({@link #adapt}). Anything else an agreement reads is asked through the try-it page's JSON input.
 */
class ScenarioForm extends VerticalLayout {

    private final Select<Classification> classification = select("Classification", "classification", Classification.values());
    private final Checkbox personalData = checkbox("Contains personal data", "personal-data");
    private final Select<String> register = select("Register", "register", "", "population", "tax", "land", "business");
    private final TextField fromSite = text("Source site", "from-site");
    private final TextField toSite = text("Destination site", "to-site");
    private final Select<String> purpose = select("Purpose", "purpose", "replication", "restore", "evacuation");
    private final TextField recipientState = text("Recipient state (ISO)", "recipient-state");
    private final Select<String> requestKind = select("Request", "request-kind", "entry", "access", "search",
            "attachment", "subpoena", "court_order", "audit", "disclose_location");
    private final TextField requestingState = text("Requesting state (ISO)", "requesting-state");
    private final Select<String> emergency = select("Emergency declared", "emergency", "", "fire", "flood");
    private final Checkbox consent = checkbox("Originating state's representative consented", "consent");
    private final IntegerField notifiedWithinHours = new IntegerField("Originating state notified within (hours)");
    private final TextField personnelClearedBy = text("Personnel cleared by (ISO)", "personnel-cleared-by");
    private static final List<String> DEFAULT_TRIGGERS = List.of("GOVERNMENT_CIO", "MINISTER_OF_STATE", "CRISIS_COORDINATOR",
            "SECURITY_OFFICER", "DATA_OWNER");
    private static final List<String> DEFAULT_APPROVERS = List.of("CRISIS_COORDINATOR", "SECURITY_OFFICER", "GOVERNMENT_CIO",
            "MINISTER_OF_STATE");
    private final Select<String> triggeredByRole = select("Triggered by", "triggered-by-role", DEFAULT_TRIGGERS.toArray(String[]::new));
    private final CheckboxGroup<String> approvers = new CheckboxGroup<>("Approvers (one person each)");
    private final CheckboxGroup<String> declarations = new CheckboxGroup<>("Declarations");
    private final TextField site = text("Site to activate", "site");
    private final Checkbox hostNotified = checkbox("Host state notified", "host-state-notified");

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Map<EntryPoint, Component> groups = new HashMap<>();

    ScenarioForm() {
        setPadding(false);
        register.setItemLabelGenerator(r -> r.isEmpty() ? "none" : r);
        emergency.setItemLabelGenerator(e -> e.isEmpty() ? "none" : e);
        register.setValue("");
        emergency.setValue("");
        notifiedWithinHours.setId("notified-within-hours");
        approvers.setId("approvers");
        approvers.setItems(DEFAULT_APPROVERS);
        declarations.setId("declarations");
        fields.putAll(Map.of("classification", classification, "fromSite", fromSite, "toSite", toSite,
                "purpose", purpose, "requestKind", requestKind, "requestingState", requestingState,
                "notifiedWithinHours", notifiedWithinHours, "triggeredByRole", triggeredByRole, "site", site));
        FormLayout dataset = new FormLayout(classification, register, personalData);
        groups.put(EntryPoint.ONBOARDING, dataset);
        groups.put(EntryPoint.TRANSFER, new FormLayout(fromSite, toSite, purpose, recipientState));
        groups.put(EntryPoint.JURISDICTION, new FormLayout(requestKind, requestingState, emergency,
                notifiedWithinHours, personnelClearedBy, consent));
        groups.put(EntryPoint.ACTIVATION, new FormLayout(triggeredByRole, site, approvers, declarations, hostNotified));
        add(dataset, groups.get(EntryPoint.TRANSFER), groups.get(EntryPoint.JURISDICTION), groups.get(EntryPoint.ACTIVATION));
        show(EntryPoint.ONBOARDING);
    }

    /**
     * Offers what the chosen agreement names: who may trigger, whose approvals count and the declarations its grounds
     * name (of any schema version); the portal's usual roles when the agreement states none.
     */
    void adapt(Optional<ActivationTerms> terms) {
        List<String> triggers = terms.map(ActivationTerms::mayTrigger).filter(l -> !l.isEmpty()).orElse(DEFAULT_TRIGGERS);
        triggeredByRole.setItems(triggers);
        triggeredByRole.setValue(triggers.get(0));
        approvers.setItems(terms.map(ActivationTerms::approverRoles).filter(l -> !l.isEmpty()).orElse(DEFAULT_APPROVERS));
        declarations.setItems(terms.map(ActivationTerms::requiredDeclarations).orElse(List.of()));
        site.setHelperText(terms.map(t -> t.embassySites().isEmpty() ? null : "Embassy sites: " + String.join(", ",
                t.embassySites())).orElse(null));
    }

    /** Shows the fields the entry point reads (transfer also reads the dataset fields). */
    void show(EntryPoint entryPoint) {
        groups.forEach((point, group) -> group.setVisible(point == entryPoint));
        groups.get(EntryPoint.ONBOARDING).setVisible(entryPoint == EntryPoint.ONBOARDING || entryPoint == EntryPoint.TRANSFER);
    }

    Scenario scenario(String agreement, EntryPoint entryPoint) {
        return new Scenario(agreement, entryPoint, classification.getValue(), personalData.getValue(),
                register.getValue(), fromSite.getValue(), toSite.getValue(), purpose.getValue(),
                recipientState.getValue(), requestKind.getValue(), requestingState.getValue(), emergency.getValue(),
                consent.getValue(), notifiedWithinHours.getValue(), personnelClearedBy.getValue(),
                triggeredByRole.getValue(), new ArrayList<>(approvers.getValue()), new ArrayList<>(declarations.getValue()),
                site.getValue(), hostNotified.getValue());
    }

    void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks the named field; false when the form has no such field. */
    boolean showError(String field, String message) {
        HasValidation component = fields.get(field);
        if (component == null) {
            return false;
        }
        component.setErrorMessage(message);
        component.setInvalid(true);
        return true;
    }

    @SafeVarargs
    private static <T> Select<T> select(String label, String id, T... items) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setId(id);
        select.setItems(List.of(items));
        return select;
    }

    private static TextField text(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setMaxLength(Scenario.MAX_TEXT);
        return field;
    }

    private static Checkbox checkbox(String label, String id) {
        Checkbox box = new Checkbox(label);
        box.setId(id);
        return box;
    }
}
