package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementTerms;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.agreements.TreatyRules;
import org.dataembassy.portal.agreements.WhatIfRateLimitedException;
import org.dataembassy.portal.policy.AgreementSummary;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;

/**
 * Try-it panel: a legal officer asks the active treaty rules a what-if question and sees the outcome with
 * every reason and its article. Each answer is a real, recorded decision (subject {@code try-it:<agreement>}).
 */
@Route(value = "agreements/try-it", layout = MainLayout.class)
@PageTitle("Try the treaty rules · Data Embassy Portal")
@Menu(order = 11, title = "Try treaty rules")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class TryItView extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Select<String> agreement = new Select<>();
    private final Select<EntryPoint> entryPoint = new Select<>();
    private final ScenarioForm scenario = new ScenarioForm();
    private final Div verdict = new Div();
    private final Div reasons = new Div();
    private final TextArea json = new TextArea("Decision input (JSON)");

    public TryItView(TreatyRules rules, AgreementTerms terms) {
        addClassName("page");
        Map<String, AgreementSummary> agreements = new LinkedHashMap<>();
        rules.agreements().forEach(a -> agreements.put(a.key(), a));
        agreement.setLabel("Agreement");
        agreement.setId("agreement");
        agreement.setItems(agreements.keySet());
        if (agreements.isEmpty()) {
            agreement.setHelperText("No agreement is available right now (policy engine unavailable); try again shortly");
        } else {
            agreement.setValue(agreements.containsKey("ee_lu") ? "ee_lu" : agreements.keySet().iterator().next());
        }
        agreement.addValueChangeListener(e -> agreement.setHelperText(
                agreements.containsKey(e.getValue()) ? agreements.get(e.getValue()).title() : null));
        agreement.setHelperText(agreements.containsKey(agreement.getValue()) ? agreements.get(agreement.getValue()).title() : null);
        agreement.addValueChangeListener(e -> scenario.adapt(e.getValue() == null ? Optional.empty()
                : terms.activationTerms(e.getValue())));
        scenario.adapt(agreement.getValue() == null ? Optional.empty() : terms.activationTerms(agreement.getValue()));
        entryPoint.setLabel("Entry point");
        entryPoint.setId("entry-point");
        entryPoint.setItems(EntryPoint.values());
        entryPoint.setItemLabelGenerator(EntryPoint::key);
        entryPoint.setValue(EntryPoint.ONBOARDING);
        entryPoint.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                scenario.show(e.getValue());
            }
        });
        verdict.setId("verdict");
        reasons.setId("reasons");

        Button evaluate = new Button("Evaluate", e -> evaluate(rules));
        evaluate.setId("evaluate");
        evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Try the treaty rules"),
                new Paragraph("Describe a scenario and see what the active policy bundle decides, with every reason "
                        + "and the article it comes from. Each answer is recorded in the decision log and the audit trail."),
                new FormLayout(agreement, entryPoint), scenario, evaluate, jsonPanel(rules), verdict, reasons);
    }

    /**
     * The decision input as JSON: every field the entry point reads (a person's clearance, a consent that could not be
     * had in time, what an agreement's own conditions ask), as the REST API takes it; refused by JSON path beside it.
     */
    private Details jsonPanel(TreatyRules rules) {
        json.setId("input-json");
        json.setWidthFull();
        json.setMinHeight("10em");
        json.setHelperText("Any field the entry point reads (docs/api.md, schemas/input/); \"at\" defaults to now");
        Button fill = new Button("Fill from the form", e -> {
            json.setInvalid(false);
            try {
                json.setValue(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        rules.scenarioInput(scenario.scenario(agreement.getValue(), entryPoint.getValue()))));
            } catch (InvalidInputException ex) {
                refuse(ex);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        });
        fill.setId("json-from-form");
        Button ask = new Button("Evaluate this input", e -> evaluateJson(rules));
        ask.setId("evaluate-json");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Details details = new Details("Decision input as JSON", new VerticalLayout(json, new HorizontalLayout(fill, ask)));
        details.setId("json-panel");
        return details;
    }

    private void evaluateJson(TreatyRules rules) {
        json.setInvalid(false);
        verdict.setText("");
        reasons.removeAll();
        Map<String, Object> input;
        try {
            input = JSON.readValue(json.getValue(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            json.setErrorMessage("Not a JSON object: " + (ex instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : ex.getMessage()));
            json.setInvalid(true);
            return;
        }
        try {
            show(rules.evaluate(entryPoint.getValue(), input));
        } catch (InvalidInputException ex) {
            refuse(ex);
        } catch (WhatIfRateLimitedException ex) {
            reasons.add(new Paragraph(ex.getMessage()));
        }
    }

    private void refuse(InvalidInputException ex) {
        json.setErrorMessage(ex.fieldErrors().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .reduce((a, b) -> a + "; " + b).orElse(ex.getMessage()));
        json.setInvalid(true);
    }

    private void evaluate(TreatyRules rules) {
        scenario.clearErrors();
        agreement.setInvalid(false);
        entryPoint.setInvalid(false);
        verdict.setText("");
        reasons.removeAll();
        try {
            show(rules.tryScenario(scenario.scenario(agreement.getValue(), entryPoint.getValue())));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if ("agreement".equals(field)) {
                    agreement.setErrorMessage(message);
                    agreement.setInvalid(true);
                } else if ("entryPoint".equals(field)) {
                    entryPoint.setErrorMessage(message);
                    entryPoint.setInvalid(true);
                } else if (!scenario.showError(field, message)) {
                    reasons.add(new Div(field + ": " + message));
                }
            });
        } catch (WhatIfRateLimitedException e) {
            Paragraph refusal = new Paragraph(e.getMessage());
            refusal.setId("rate-limited");
            refusal.getStyle().set("color", "var(--lumo-error-text-color)");
            reasons.add(refusal);
        }
    }

    private void show(PolicyDecision decision) {
        verdict.setText(switch (decision.outcome()) {
            case ALLOW -> "ALLOW";
            case REVIEW_REQUIRED -> "REVIEW REQUIRED";
            case DENY -> "DENY";
        });
        verdict.getElement().setAttribute("outcome", decision.outcome().name());
        verdict.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        if (decision.reasons().isEmpty()) {
            reasons.add(new Paragraph("No reasons: nothing in the agreement objects."));
        }
        for (Reason reason : decision.reasons()) {
            Div line = new Div(reason.code() + " — " + reason.message() + " (agreement " + reason.agreement() + ", "
                    + reason.article() + ")");
            line.addClassName("reason");
            reasons.add(line);
        }
        for (Obligation o : decision.obligations()) {
            Div line = new Div("Duty " + o.code() + " — " + o.action() + ": owed by " + CountryCode.label(o.owedBy()) + " to " + CountryCode.label(o.owedTo())
                    + ", due " + o.due() + (o.article().isEmpty() ? "" : " (" + o.article() + ")")
                    + (o.conditional() ? ", once a legal officer approves" : ""));
            line.addClassName("obligation");
            reasons.add(line);
        }
    }
}
