package org.dataembassy.portal.datasets.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingApplication;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.Register;
import org.dataembassy.portal.policy.AgreementSummary;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;

/** The data owner's onboarding form. The service validates; its errors are shown beside the fields. */
@Route(value = "datasets/onboard", layout = MainLayout.class)
@PageTitle("Request onboarding · Data Embassy Portal")
@RolesAllowed("DATA_OWNER")
public class OnboardingRequestView extends VerticalLayout {

    private final TextField name = new TextField("Dataset name");
    private final TextField owningAgency = new TextField("Owning agency");
    private final TextArea legalBasis = new TextArea("Legal basis");
    private final Select<Classification> classification = new Select<>();
    private final Checkbox personalData = new Checkbox("Contains personal data");
    private final Select<Register> register = new Select<>();
    private final ComboBox<String> agreement = new ComboBox<>("Agreement");
    private final IntegerField sizeEstimate = new IntegerField("Size estimate (GiB)");
    private final CheckboxGroup<String> embassies =
            new CheckboxGroup<>("Embassies wanted");
    private final IntegerField recoveryPoint = new IntegerField("Recovery point (hours)");
    private final Map<String, HasValidation> fields = Map.of("name", name, "owningAgency", owningAgency,
            "legalBasis", legalBasis, "classification", classification, "register", register,
            "agreementId", agreement, "sizeEstimateGib", sizeEstimate, "embassySites", embassies,
            "recoveryPointHours", recoveryPoint);

    public OnboardingRequestView(DatasetOnboarding onboarding, PolicyEngine policy,
                                 DatasetProvisioning activation) {
        addClassName("page");
        name.setId("name");
        name.setMaxLength(200);
        owningAgency.setId("owning-agency");
        legalBasis.setId("legal-basis");
        legalBasis.setHelperText("The act and section that allow this data to be held abroad");
        classification.setLabel("Classification");
        classification.setId("classification");
        classification.setItems(Classification.values());
        register.setLabel("Register");
        register.setId("register");
        register.setItems(Register.values());
        register.setItemLabelGenerator(Register::label);
        register.setValue(Register.NONE);
        personalData.setId("personal-data");
        agreement.setId("agreement");
        Map<String, AgreementSummary> agreements = new LinkedHashMap<>();
        policy.agreements().forEach(a -> agreements.put(a.key(), a));
        agreement.setItems(agreements.keySet());
        agreement.setItemLabelGenerator(key -> agreements.containsKey(key)
                ? CountryCode.label(agreements.get(key).originatingState()) + " → "
                + CountryCode.label(agreements.get(key).hostState()) + " · " + key : key);
        if (agreements.isEmpty()) {
            agreement.setHelperText("No agreement is available right now (policy engine unavailable); try again shortly");
        } else {
            agreement.setValue(agreements.containsKey("ee_lu") ? "ee_lu" : agreements.keySet().iterator().next());
        }
        sizeEstimate.setId("size-estimate");
        embassies.setId("embassy-sites");
        embassies.setItems(activation.embassySites().stream().map(site -> site.id().value()).toList());
        embassies.setHelperText("Optional: the security officer confirms the sites");
        recoveryPoint.setId("recovery-point");
        recoveryPoint.setValue(OnboardingApplication.DEFAULT_RECOVERY_POINT_HOURS);
        recoveryPoint.setHelperText("How old the embassy copy may grow before it is replicated again");

        Button submit = new Button("Submit request", e -> submit(onboarding));
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(name, owningAgency, classification, register, agreement, sizeEstimate,
                personalData, legalBasis, embassies, recoveryPoint);
        form.setColspan(legalBasis, 2);
        add(new H2("Request onboarding of a dataset"),
                new Paragraph("The treaty rules decide at once whether the dataset may be hosted abroad; some "
                        + "datasets need a legal officer's review first."), form, submit);
    }

    private void submit(DatasetOnboarding onboarding) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            OnboardingRequest request = onboarding.request(new OnboardingApplication(name.getValue(),
                    owningAgency.getValue(), legalBasis.getValue(), classification.getValue(),
                    personalData.getValue(), register.getValue(), agreement.getValue(), sizeEstimate.getValue(),
                    new ArrayList<>(embassies.getValue()), recoveryPoint.getValue()));
            Notification.show("Request submitted: " + request.name());
            getUI().ifPresent(ui -> ui.navigate(DatasetListView.class));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                HasValidation component = fields.get(field);
                if (component != null) {
                    component.setErrorMessage(message);
                    component.setInvalid(true);
                }
            });
            if (sizeEstimate.isInvalid() && sizeEstimate.getValue() == null && !sizeEstimate.isEmpty()) {
                sizeEstimate.setErrorMessage("Not a whole number");
            }
        }
    }
}
