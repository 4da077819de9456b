package org.dataembassy.portal.agreements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.internal.DecisionInputLimits;
import org.dataembassy.portal.shared.InvalidInputException;

/** Checks a {@link Scenario} and turns it into the decision input the entry point expects (see testdata/). */
final class ScenarioInput {

    private ScenarioInput() {
    }

    static Map<String, Object> of(Scenario s) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(s.agreement())) {
            errors.put("agreement", "Choose an agreement");
        } else if (s.agreement().length() > DecisionInputLimits.MAX_AGREEMENT) {
            errors.put("agreement", "At most " + DecisionInputLimits.MAX_AGREEMENT + " characters");
        }
        if (s.entryPoint() == null) {
            errors.put("entryPoint", "Choose an entry point");
            throw new InvalidInputException(errors);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("agreement", s.agreement());
        switch (s.entryPoint()) {
            case ONBOARDING -> input.put("dataset", dataset(s, errors));
            case TRANSFER -> {
                input.put("dataset", dataset(s, errors));
                input.put("transfer", transfer(s, errors));
            }
            case JURISDICTION -> input.put("request", request(s, errors));
            case ACTIVATION -> input.put("activation", activation(s, errors));
            case DUTIES -> { } // the agreement and the date are the whole question; the tracker's facts come later
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return input;
    }

    private static Map<String, Object> dataset(Scenario s, Map<String, String> errors) {
        if (s.classification() == null) {
            errors.put("classification", "Choose a classification");
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("classification", s.classification() == null ? "" : s.classification().name());
        dataset.put("personal_data", s.personalData());
        dataset.put("register", s.register() == null ? "" : s.register().trim());
        tooLong("register", s.register(), errors);
        return dataset;
    }

    private static Map<String, Object> transfer(Scenario s, Map<String, String> errors) {
        Map<String, Object> transfer = new LinkedHashMap<>();
        require(transfer, "from_site", s.fromSite(), "fromSite", "Name the source site", errors);
        require(transfer, "to_site", s.toSite(), "toSite", "Name the destination site", errors);
        require(transfer, "purpose", s.purpose(), "purpose", "Choose a purpose", errors);
        optional(transfer, "recipient_state", s.recipientState(), "recipientState", errors);
        return transfer;
    }

    private static Map<String, Object> request(Scenario s, Map<String, String> errors) {
        Map<String, Object> request = new LinkedHashMap<>();
        require(request, "kind", s.requestKind(), "requestKind", "Choose what is requested", errors);
        require(request, "requesting_state", s.requestingState(), "requestingState", "Name the requesting state", errors);
        optional(request, "emergency", s.emergency(), "emergency", errors);
        if (s.consentGiven()) {
            request.put("consent_by", "originating_state_authorised_representative");
        }
        if (s.notifiedWithinHours() != null) {
            if (s.notifiedWithinHours() < 0) {
                errors.put("notifiedWithinHours", "Zero or more hours");
            }
            request.put("notified_within_hours", s.notifiedWithinHours());
        }
        optional(request, "personnel_cleared_by", s.personnelClearedBy(), "personnelClearedBy", errors);
        return request;
    }

    private static Map<String, Object> activation(Scenario s, Map<String, String> errors) {
        Map<String, Object> activation = new LinkedHashMap<>();
        if (blank(s.triggeredByRole())) {
            errors.put("triggeredByRole", "Choose who triggers the activation");
        }
        tooLong("triggeredByRole", s.triggeredByRole(), errors);
        s.approverRoles().forEach(role -> tooLong("approverRoles", role, errors));
        s.declarations().forEach(declaration -> tooLong("declarations", declaration, errors));
        activation.put("triggered_by", Map.of("id", "trigger", "role", blank(s.triggeredByRole()) ? "" : s.triggeredByRole()));
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (int i = 0; i < s.approverRoles().size(); i++) {
            approvals.add(Map.of("id", "approver-" + (i + 1), "role", s.approverRoles().get(i)));
        }
        activation.put("approvals", approvals);
        activation.put("declarations", s.declarations());
        require(activation, "site", s.site(), "site", "Name the site to activate", errors);
        if (s.hostStateNotified()) {
            activation.put("host_state_notified", true);
        }
        return activation;
    }

    private static void require(Map<String, Object> target, String key, String value, String field, String message,
            Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, message);
        } else if (!tooLong(field, value, errors)) {
            target.put(key, value.trim());
        }
    }

    private static void optional(Map<String, Object> target, String key, String value, String field,
            Map<String, String> errors) {
        if (!blank(value) && !tooLong(field, value, errors)) {
            target.put(key, value.trim());
        }
    }

    private static boolean tooLong(String field, String value, Map<String, String> errors) {
        if (value != null && value.trim().length() > Scenario.MAX_TEXT) {
            errors.put(field, "At most " + Scenario.MAX_TEXT + " characters");
            return true;
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
