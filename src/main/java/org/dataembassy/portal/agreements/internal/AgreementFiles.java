package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.policy.PolicyTree;

/**
 * Where an agreement lives in a policy tree ({@code dataembassy/agreements/<key>/}: {@code data.json},
 * {@code <key>.rego}, {@code <key>_test.rego}), how registry versions replace it, and what a new agreement
 * starts from: the treaty contract's rules, generated, and blank terms or a copy of a named template's clauses.
 */
public final class AgreementFiles {

    public static final String ROOT = "dataembassy/agreements/";
    static final List<String> ENTRY_POINTS = List.of("onboarding", "transfer", "jurisdiction", "activation");
    private static final Pattern KEY = Pattern.compile("[a-z]{2}_[a-z]{2}(_[a-z0-9]{1,12})?");
    private static final Pattern FOLDER = Pattern.compile("^" + Pattern.quote(ROOT) + "([a-z0-9_]+)/data\\.json$");

    private AgreementFiles() {
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static String folder(String key) {
        return ROOT + key + "/";
    }

    public static String regoPath(String key) {
        return folder(key) + key + ".rego";
    }

    public static String testsPath(String key) {
        return folder(key) + key + "_test.rego";
    }

    public static String dataPath(String key) {
        return folder(key) + "data.json";
    }

    /** Agreements present in a tree (folders with a data.json), key → content as found. */
    public static Map<String, DraftContent> agreementsIn(PolicyTree tree) {
        Map<String, DraftContent> found = new LinkedHashMap<>();
        for (String path : tree.files().keySet()) {
            Matcher m = FOLDER.matcher(path);
            if (m.matches()) {
                String key = m.group(1);
                found.put(key, new DraftContent(TermsJson.termsOf(tree.files().get(path)),
                        tree.file(regoPath(key)).orElse(""), tree.file(testsPath(key)).orElse(""),
                        "imported from the policy folder"));
            }
        }
        return found;
    }

    /** {@code tree} with agreement {@code key} replaced by {@code content}, or removed when it is null. */
    public static PolicyTree withAgreement(PolicyTree tree, String key, DraftContent content) {
        PolicyTree without = tree.withoutFolder(folder(key));
        if (content == null) {
            return without;
        }
        return without.with(dataPath(key), TermsJson.dataJson(content.termsJson()))
                .with(regoPath(key), content.regoSource())
                .with(testsPath(key), content.testsSource());
    }

    /** The treaty package a new agreement starts with: the contract's rules, taken from the generic clauses. */
    public static String generatedRego(String key) {
        StringBuilder rego = header(key, "", "generic clause rules", "treaty");
        for (String entry : ENTRY_POINTS) {
            rego.append('\n')
                    .append(entry).append("_deny contains r if some r in treaty.").append(entry).append("_deny.").append(key).append('\n')
                    .append('\n')
                    .append(entry).append("_review contains r if some r in treaty.").append(entry).append("_review.").append(key).append('\n')
                    .append('\n')
                    .append(entry).append("_established if treaty.").append(entry).append("_established.").append(key).append('\n');
        }
        return rego.toString();
    }

    /**
     * The treaty package for terms of schema_version 2: the contract's rules and the obligations of each entry point
     * from the clause vocabulary ({@code dataembassy.clauses}), and the duties entry point's rules.
     */
    public static String generatedRegoV2(String key) {
        StringBuilder rego = header(key, "of schema_version 2 ", "clause rules", "clauses");
        for (String entry : ENTRY_POINTS) {
            for (String set : List.of("deny", "review", "obligations")) {
                rego.append('\n').append(entry).append('_').append(set).append(" contains r if some r in clauses.")
                        .append(entry).append('_').append(set).append('.').append(key).append('\n');
            }
            rego.append('\n').append(entry).append("_established if clauses.").append(entry).append("_established.")
                    .append(key).append('\n');
        }
        rego.append("\nduties_deny contains r if some r in clauses.duties_deny.").append(key).append('\n')
                .append("\nduties_review contains r if some r in clauses.duties_review.").append(key).append('\n')
                .append("\nduties_obligations := object.get(clauses.duties_obligations, \"").append(key)
                .append("\", set())\n");
        return rego.toString();
    }

    /** Tests a new agreement of schema_version 2 starts with: it keeps the treaty contract. */
    public static String generatedTestsV2(String key) {
        return "package dataembassy." + key + "_test\n\n"
                + "import data.dataembassy.contract\n\n"
                + "test_allow_" + key + "_keeps_the_treaty_contract if {\n"
                + "\tevery v in contract.violations {\n"
                + "\t\tnot startswith(v, \"" + key + ":\")\n"
                + "\t}\n"
                + "}\n";
    }

    /**
     * Blank terms of schema_version 2: identity and parties, no article, no clause, an empty history (DRAFT). Nothing
     * is copied from another agreement: every clause is the legal officer's, from this treaty's text.
     */
    public static String blankTermsV2(String key, String title, String reference, String originating, String host) {
        return blankTermsV2(key, title, reference, originating, host, false);
    }

    /**
     * The same, marked {@code "fictional": true} when {@code fictional}: a test agreement, whose parties may have the
     * user-assigned codes XA to XZ.
     */
    public static String blankTermsV2(String key, String title, String reference, String originating, String host,
                                      boolean fictional) {
        ObjectNode terms = TermsJson.JSON.createObjectNode();
        terms.put("schema_version", 2);
        terms.put("id", key.replace('_', '-'));
        if (fictional) {
            terms.put("fictional", true);
        }
        terms.put("title", title);
        terms.put("treaty_reference", reference);
        ObjectNode parties = terms.putObject("parties");
        parties.put("originating_state", originating);
        parties.put("host_state", host);
        terms.putObject("articles");
        terms.putObject("lifecycle").putArray("history");
        terms.putObject("validity").putNull("from");
        terms.putObject("sites").putArray("list");
        terms.putObject("clauses");
        return TermsJson.pretty(terms);
    }

    /**
     * Terms of schema_version 2 for a new agreement from the published terms of {@code templateKey}: its articles and
     * clauses, with the new id, title, reference and parties (no party names), an empty lifecycle history, no
     * validity dates, no sites and no jurisdiction measures; article numbers marked illustrative until the legal
     * officer enters the treaty's own.
     */
    public static String newTermsV2(JsonNode template, String templateKey, String key, String title, String reference,
                                    String originating, String host, boolean fictional) {
        ObjectNode terms = template.deepCopy();
        terms.put("id", key.replace('_', '-'));
        terms.put("title", title);
        terms.put("treaty_reference", reference);
        if (fictional) {
            terms.put("fictional", true);
        } else {
            terms.remove("fictional");
        }
        ObjectNode parties = terms.putObject("parties");
        parties.put("originating_state", originating);
        parties.put("host_state", host);
        terms.put("articles_illustrative", true);
        terms.put("illustrative_note", copiedNote(templateKey));
        terms.remove("measures");
        ObjectNode lifecycle = keepArticle(terms, "lifecycle");
        lifecycle.putArray("history");
        keepArticle(terms, "validity").putNull("from");
        keepArticle(terms, "sites").putArray("list");
        return TermsJson.pretty(terms);
    }

    /** {@code terms.<field>} replaced by an object holding only the article it cited, if any. */
    private static ObjectNode keepArticle(ObjectNode terms, String field) {
        JsonNode article = terms.path(field).path("article");
        ObjectNode fresh = terms.putObject(field);
        if (article.isTextual()) {
            fresh.put("article", article.asText());
        }
        return fresh;
    }

    private static String copiedNote(String templateKey) {
        return "Clauses and article numbers copied from agreement " + templateKey + ": replace them with this"
                + " treaty's own before it is signed.";
    }

    /** A treaty package's METADATA, package line and the import of the generic rules it is built on. */
    private static StringBuilder header(String key, String schema, String rules, String library) {
        return new StringBuilder().append("# METADATA\n# title: Treaty package ").append(key).append("\n# description: |\n")
                .append("#   Implements the treaty contract for agreement ").append(key).append(" from its structured terms\n")
                .append("#   ").append(schema).append("(data.json beside this file) through the ").append(rules).append(" in\n")
                .append("#   dataembassy.").append(library).append(". Hand-written rules for this treaty go below.\n")
                .append("package dataembassy.agreements.").append(key).append("\n\nimport data.dataembassy.").append(library)
                .append('\n');
    }

    /** Tests a new agreement starts with: it keeps the treaty contract, and its reasons cite it. */
    public static String generatedTests(String key) {
        String id = key.replace('_', '-');
        return "package dataembassy." + key + "_test\n\n"
                + "import data.dataembassy.agreements." + key + "\n"
                + "import data.dataembassy.contract\n\n"
                + "test_allow_" + key + "_keeps_the_treaty_contract if {\n"
                + "\tevery v in contract.violations {\n"
                + "\t\tnot startswith(v, \"" + key + ":\")\n"
                + "\t}\n"
                + "}\n\n"
                + "test_deny_" + key + "_unknown_classification_cites_this_agreement if {\n"
                + "\treasons := " + key + ".onboarding_deny with input as {\"agreement\": \"" + key
                + "\", \"at\": \"2026-03-01T00:00:00Z\", \"dataset\": {\"classification\": \"NONSENSE\"}}\n"
                + "\tsome r in reasons\n"
                + "\tr.code == \"CLASSIFICATION_UNKNOWN\"\n"
                + "\tr.agreement == \"" + id + "\"\n"
                + "}\n";
    }

    /**
     * Terms of schema_version 1 for a new agreement: the clause structure (and clause values) of {@code template}
     * (the published terms of agreement {@code templateKey}), with the new
     * id, title, parties and reference, status DRAFT, no dates and no sites yet; article numbers marked
     * illustrative until the legal officer enters the treaty's own.
     */
    public static String newTerms(JsonNode template, String templateKey, String key, String title, String reference,
                                  String originating, String host) {
        ObjectNode terms = template.deepCopy();
        terms.remove("restrictions"); // a jurisdiction measure on the template, not a clause
        terms.put("id", key.replace('_', '-'));
        terms.put("title", title);
        terms.put("treaty_reference", reference);
        ObjectNode parties = terms.putObject("parties");
        parties.put("originating_state", originating);
        parties.put("host_state", host);
        terms.put("articles_illustrative", true);
        terms.put("illustrative_note", copiedNote(templateKey));
        ObjectNode lifecycle = terms.putObject("lifecycle");
        lifecycle.put("status", "DRAFT");
        lifecycle.putNull("signed");
        lifecycle.putNull("in_force_from");
        lifecycle.putNull("suspended_from");
        lifecycle.putNull("terminated_on");
        ObjectNode validity = terms.putObject("validity");
        validity.putNull("from");
        validity.putNull("until");
        terms.putArray("sites");
        if (terms.path("personnel").isObject()) {
            ((ObjectNode) terms.get("personnel")).put("cleared_by", originating);
        }
        if (terms.path("jurisdiction").isObject()) {
            ObjectNode jurisdiction = (ObjectNode) terms.get("jurisdiction");
            jurisdiction.put("law", originating);
            jurisdiction.putArray("court_orders_recognised_from").add(originating);
        }
        if (terms.path("audit").isObject()) {
            ((ObjectNode) terms.get("audit")).putArray("by").add(originating);
        }
        return TermsJson.pretty(terms);
    }
}
