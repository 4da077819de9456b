package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a new agreement starts from: blank terms of schema_version 2, or the clauses of a published agreement the
 * legal officer names as {@code template} — never a silent copy. Terms of schema_version 1 have no blank form, so
 * they need a template. Every refusal names its field ({@link InvalidInputException}); nothing is stored here.
 */
@Component
public class NewAgreements {

    /** A validated request: the agreement's key, title and first draft. */
    public record Plan(String key, String title, String parties, DraftContent content) {
    }

    private final AgreementStore store;
    private final DraftChecks checks;

    NewAgreements(AgreementStore store, DraftChecks checks) {
        this.store = store;
        this.checks = checks;
    }

    public Plan plan(NewAgreement request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer asked = request.schemaVersion();
        if (asked != null && asked != 1 && asked != 2) {
            errors.put("schemaVersion", "1 (the seeds' terms) or 2 (the clause vocabulary of docs/policy-authoring.md)");
            asked = null;
        }
        JsonNode template = template(request.template(), asked, errors);
        int schema = asked != null ? asked : template != null ? TermsJson.schemaVersion(template) : 1;
        if (schema == 1 && template == null && !errors.containsKey("template")) {
            errors.put("template", "required for terms of schema_version 1: the key of a published agreement whose "
                    + "clauses to copy (e.g. ee_lu); or schemaVersion 2 for blank terms");
        }
        boolean fictional = Boolean.TRUE.equals(request.fictional());
        if (fictional && schema != 2) {
            errors.put("fictional", "only terms of schema_version 2 can be marked fictional");
        }
        boolean testCodes = fictional && schema == 2;
        String originating = country(request.originatingState(), "originatingState", testCodes, errors);
        String host = country(request.hostState(), "hostState", testCodes, errors);
        if (originating != null && originating.equals(host)) {
            errors.put("hostState", "must differ from the originating state");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.put("title", "required");
        } else if (title.length() > RegistryLimits.TITLE) {
            errors.put("title", RegistryLimits.atMost(RegistryLimits.TITLE));
        }
        RegistryLimits.requireTreatyReference(request.treatyReference(), errors);
        String suffix = request.suffix() == null ? "" : request.suffix().strip().toLowerCase(Locale.ROOT);
        if (!suffix.isEmpty() && !suffix.matches("[a-z0-9]{1,12}")) {
            errors.put("suffix", "1 to 12 lower-case letters or digits");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String key = originating.toLowerCase(Locale.ROOT) + "_" + host.toLowerCase(Locale.ROOT)
                + (suffix.isEmpty() ? "" : "_" + suffix);
        if (store.exists(key)) {
            throw InvalidInputException.of(suffix.isEmpty() ? "hostState" : "suffix", "agreement " + key
                    + " exists already; give a suffix to register a second agreement between these states");
        }
        String reference = request.treatyReference() == null ? "" : request.treatyReference().strip();
        String templateKey = template == null ? null : request.template().strip();
        String terms = schema == 2
                ? template == null ? AgreementFiles.blankTermsV2(key, title, reference, originating, host, fictional)
                        : AgreementFiles.newTermsV2(template, templateKey, key, title, reference, originating, host,
                                fictional)
                : AgreementFiles.newTerms(template, templateKey, key, title, reference, originating, host);
        DraftContent content = new DraftContent(terms,
                checks.formatOrKeep(schema == 2 ? AgreementFiles.generatedRegoV2(key) : AgreementFiles.generatedRego(key)),
                checks.formatOrKeep(schema == 2 ? AgreementFiles.generatedTestsV2(key) : AgreementFiles.generatedTests(key)),
                "first draft"); // a template is named in the terms' illustrative_note
        return new Plan(key, title, originating + " → " + host, content);
    }

    /** The published terms of the agreement named as template; null when none is named or it is refused. */
    private JsonNode template(String name, Integer schema, Map<String, String> errors) {
        String key = name == null ? "" : name.strip();
        if (key.isEmpty()) {
            return null;
        }
        Optional<AgreementVersion> published = AgreementFiles.isKey(key)
                ? store.published().stream().filter(v -> v.agreementKey().equals(key)).findFirst() : Optional.empty();
        if (published.isEmpty()) {
            String shown = key.length() <= 40 ? "\"" + key + "\"" : "the template given";
            errors.put("template", shown + " is not an agreement with a published version: give the key of one"
                    + " (e.g. ee_lu), or leave it out for blank terms of schema_version 2");
            return null;
        }
        JsonNode terms = TermsJson.parseOrEmpty(published.get().termsJson());
        int version = TermsJson.schemaVersion(terms);
        if (schema != null && schema != version) {
            errors.put("template", key + " has terms of schema_version " + version + ", not " + schema
                    + ": choose a template of that version, or leave schemaVersion out to take the template's");
            return null;
        }
        return terms;
    }

    private static String country(String code, String field, boolean testCodes, Map<String, String> errors) {
        String value = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (testCodes && TermsIdentity.isTestCode(value)) {
            return value;
        }
        try {
            return CountryCode.of(code).value();
        } catch (IllegalArgumentException e) {
            errors.put(field, TermsIdentity.unknownCountry(code == null ? "" : code));
            return null;
        }
    }
}
