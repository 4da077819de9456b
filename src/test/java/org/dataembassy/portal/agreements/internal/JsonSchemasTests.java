package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shared.TreatyPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas of schemas/ (terms of schema_version 2, each entry point's decision input) say what the Java
 * validators say: every example is accepted by both, every broken one refused by both, every object is closed in the
 * schema exactly where the Java refuses unknown fields, and the few points where one says more than the other are
 * listed here by name. A field added to one and not the other fails this test (docs/policy-authoring.md, "The shape
 * of terms and inputs: JSON Schemas").
 */
class JsonSchemasTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final List<String> ENTRY_POINTS = List.of("onboarding", "transfer", "jurisdiction", "activation", "duties");
    private static final String UNKNOWN = "zz_unknown";

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final JsonNode TERMS_SCHEMA = read("schemas/terms-v2.json");
    private static final Schema TERMS = SCHEMAS.getSchema(TERMS_SCHEMA);

    private static Schema input(String entryPoint) {
        return SCHEMAS.getSchema(read("schemas/input/" + entryPoint + ".json"));
    }

    private static ObjectNode terms(String key) {
        return (ObjectNode) read("policies-test/dataembassy/agreements/" + key + "/data.json").get("terms");
    }

    private static List<String> schemaErrors(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private static Map<String, String> javaErrors(String key, JsonNode terms) {
        return TermsValidator.validate(key, terms.toString());
    }

    // ---------------------------------------------------------------- terms

    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void theFictionalAgreementsTermsAreValidForBoth(String key) {
        ObjectNode t = terms(key);
        assertThat(javaErrors(key, t)).as("TermsV2Validator").isEmpty();
        assertThat(schemaErrors(TERMS, t)).as("schemas/terms-v2.json").isEmpty();
    }

    @Test
    void blankTermsOfANewAgreementAreValidForBoth() throws Exception {
        JsonNode blank = JSON.readTree(AgreementFiles.blankTermsV2("ee_fi", "Title", "ref", "EE", "FI"));
        assertThat(javaErrors("ee_fi", blank)).isEmpty();
        assertThat(schemaErrors(TERMS, blank)).isEmpty();
    }

    record Broken(String name, String key, Consumer<ObjectNode> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ObjectNode at(ObjectNode t, String pointer) {
        return (ObjectNode) t.at(pointer);
    }

    private static void rename(ObjectNode node, String from, String to) {
        node.set(to, node.remove(from));
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Broken> brokenTerms() {
        return Stream.of(
                new Broken("misspelt exceptions (exeptions)", "xc_xd",
                        t -> rename(at(t, "/clauses/host_access"), "exceptions", "exeptions")),
                new Broken("min_per_year in the audit clause", "xa_xb", t -> at(t, "/clauses/audit").put("min_per_year", 1)),
                new Broken("misspelt clause (host_acess)", "xc_xd", t -> rename(at(t, "/clauses"), "host_access", "host_acess")),
                new Broken("unknown top-level field", "xa_xb", t -> t.put("expires", "2030-01-01")),
                new Broken("{any_of: …} where a list of operations is expected", "xa_xb",
                        t -> at(t, "/clauses/suspension").set("scopes_allowed", object("{\"any_of\": [\"*\"]}"))),
                new Broken("{any_of: …} where the roles that may trigger are expected", "xc_xd",
                        t -> at(t, "/clauses/activation").set("may_trigger", object("{\"any_of\": [\"PRIME_MINISTER\"]}"))),
                new Broken("a group whose members are not a list", "xc_xd",
                        t -> at(t, "/clauses/activation").set("grounds", object("{\"any_of\": {\"declared\": \"X\"}}"))),
                new Broken("a period in words", "xa_xb", t -> at(t, "/clauses/evacuation").put("within", "90 days")),
                new Broken("a fractional period", "xa_xb", t -> at(t, "/clauses/termination").put("notice", "P1.5Y")),
                new Broken("a period of nothing (PT)", "xe_xf", t -> at(t, "/clauses/suspension/review_every").put("every", "PT")),
                new Broken("an unknown operation", "xa_xb",
                        t -> at(t, "/clauses/host_events/rules/0").set("operations", strings("transfers"))),
                new Broken("an unknown jurisdiction kind in a duty's operations", "xa_xb",
                        t -> at(t, "/clauses/notification/duties/0").set("on", strings("jurisdiction.raid"))),
                new Broken("an unknown lifecycle status", "xa_xb", t -> at(t, "/lifecycle/history/1").put("status", "ACTIVE")),
                new Broken("a date that is not one", "xa_xb", t -> at(t, "/lifecycle/history/0").put("from", "2024-13-01")),
                new Broken("a history entry without its day", "xa_xb", t -> at(t, "/lifecycle/history/0").remove("from")),
                new Broken("an unknown host-state event", "xa_xb", t -> at(t, "/clauses/host_events/rules/0").put("event", "marshal_law")),
                new Broken("a restriction that allows", "xe_xf", t -> at(t, "/measures/restrictions/0").put("effect", "allow")),
                new Broken("a condition four levels deep", "xc_xd", t -> at(t, "/clauses/activation").set("grounds",
                        object("{\"any_of\": [{\"all_of\": [{\"none_of\": [{\"declared\": \"X\"}]}]}]}"))),
                new Broken("a fact without operator", "xa_xb", t -> at(t, "/clauses/host_access/exceptions/0/when").remove("in")),
                new Broken("a fact with two operators", "xa_xb",
                        t -> at(t, "/clauses/host_access/exceptions/0/when").put("eq", "fire")),
                new Broken("two groups in one object", "xc_xd",
                        t -> at(t, "/clauses/activation/grounds").set("all_of", object("{\"x\": [{\"declared\": \"Y\"}]}").get("x"))),
                new Broken("a duty owed to nobody", "xc_xd",
                        t -> at(t, "/clauses/host_access/exceptions/0/duties/0").remove("owed_to")),
                new Broken("a duty without period or day", "xc_xd",
                        t -> at(t, "/clauses/host_access/exceptions/0/duties/0").remove("within")),
                new Broken("a duty fulfilled by an unknown activity", "xa_xb",
                        t -> at(t, "/clauses/audit/minimum").put("fulfilled_by", "legal_officer")),
                new Broken("a quorum without m", "xc_xd", t -> at(t, "/clauses/activation/approvers/quorum").remove("m")),
                new Broken("activation grounds missing", "xe_xf", t -> at(t, "/clauses/activation").remove("grounds")),
                new Broken("a notice after activation without its period", "xa_xb",
                        t -> at(t, "/clauses/activation/host_notice").remove("within")),
                new Broken("a site role that is neither origin nor embassy", "xa_xb", t -> at(t, "/sites/list/0").put("role", "host")),
                new Broken("a classification the portal does not know", "xc_xd",
                        t -> at(t, "/clauses/data_scope/classification").put("ceiling", "ULTRA_SECRET")),
                new Broken("both a ceiling and a list of classifications", "xc_xd",
                        t -> at(t, "/clauses/data_scope/classification").set("allowed", strings("INTERNAL"))),
                new Broken("categories without their mode", "xa_xb", t -> at(t, "/clauses/data_scope/categories").remove("mode")),
                new Broken("an exception without failure code", "xe_xf",
                        t -> at(t, "/clauses/host_access/exceptions/0").remove("failure_code")),
                new Broken("an unknown waiver form", "xc_xd", t -> at(t, "/clauses/immunity/waiver").put("form", "tacit")),
                new Broken("in force without a validity start", "xa_xb", t -> t.remove("validity")),
                new Broken("an article without number", "xa_xb", t -> at(t, "/articles/a2").remove("number")),
                new Broken("no clauses object", "xa_xb", t -> t.remove("clauses")),
                new Broken("a party that is not a code", "xa_xb", t -> at(t, "/parties").put("host_state", "State XB")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTerms")
    void brokenTermsAreRefusedByBoth(Broken broken) {
        ObjectNode t = terms(broken.key());
        broken.change().accept(t);
        assertThat(javaErrors(broken.key(), t)).as("TermsV2Validator on " + broken.name()).isNotEmpty();
        assertThat(schemaErrors(TERMS, t)).as("schemas/terms-v2.json on " + broken.name()).isNotEmpty();
    }

    /**
     * What only the Java can check (it compares values with each other or with lists outside the terms). The schema
     * accepts these; if it one day refuses one, move the case to brokenTerms.
     */
    static Stream<Broken> onlyJavaRefuses() {
        return Stream.of(
                new Broken("an article key that names no article", "xc_xd",
                        t -> at(t, "/clauses/host_access/exceptions/0").put("article", "a5_33")),
                new Broken("an id that is not the agreement's key", "xa_xb", t -> t.put("id", "xa-xc")),
                new Broken("a user-assigned code in terms not marked fictional", "xa_xb", t -> t.remove("fictional")),
                new Broken("a history out of date order", "xe_xf",
                        t -> ((ArrayNode) t.at("/lifecycle/history")).addObject().put("status", "IN_FORCE").put("from", "2026-03-15")),
                new Broken("a terminated agreement back in force", "xa_xb", t -> {
                    ArrayNode history = (ArrayNode) t.at("/lifecycle/history");
                    history.addObject().put("status", "TERMINATED").put("from", "2027-01-01");
                    history.addObject().put("status", "IN_FORCE").put("from", "2027-02-01");
                }),
                new Broken("a suspension ground the clause does not list", "xe_xf",
                        t -> at(t, "/lifecycle/history/2").put("ground", "boredom")),
                new Broken("a site listed twice", "xa_xb", t -> at(t, "/sites/list/1").put("id", "xb-dc-1")),
                new Broken("a site in the wrong state for its role", "xa_xb", t -> at(t, "/sites/list/0").put("state", "XA")),
                new Broken("a quorum of more than all", "xc_xd", t -> at(t, "/clauses/activation/approvers/quorum").put("m", 5)),
                new Broken("validity ending before it starts", "xc_xd", t -> at(t, "/validity").put("until", "2020-01-01")),
                new Broken("the same state on both sides", "xa_xb", t -> at(t, "/parties").put("host_state", "XA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyJavaRefuses")
    void whatOnlyTheJavaChecks(Broken broken) {
        ObjectNode t = terms(broken.key());
        broken.change().accept(t);
        assertThat(javaErrors(broken.key(), t)).as("TermsV2Validator on " + broken.name()).isNotEmpty();
        assertThat(schemaErrors(TERMS, t)).as("schemas/terms-v2.json on " + broken.name()).isEmpty();
    }

    /**
     * Types the schema states and the Java does not check (it reads these fields with asText/asBoolean). The rules
     * would read a wrong type as absent; if the Java one day refuses one, move the case to brokenTerms.
     */
    static Stream<Broken> onlyTheSchemaRefuses() {
        return Stream.of(
                new Broken("personal data allowed as text", "xa_xb", t -> at(t, "/clauses/personal_data").put("allowed", "yes")),
                new Broken("location confidential as text", "xc_xd", t -> at(t, "/clauses/location").put("confidential", "true")),
                new Broken("an audit maximum count as text", "xa_xb", t -> at(t, "/clauses/audit/maximum").put("count", "four")),
                new Broken("prohibited acts as one text", "xa_xb", t -> at(t, "/clauses/host_access").put("prohibited", "access")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheSchemaRefuses")
    void whatOnlyTheSchemaChecks(Broken broken) {
        ObjectNode t = terms(broken.key());
        broken.change().accept(t);
        assertThat(javaErrors(broken.key(), t)).as("TermsV2Validator on " + broken.name()).isEmpty();
        assertThat(schemaErrors(TERMS, t)).as("schemas/terms-v2.json on " + broken.name()).isNotEmpty();
    }

    /**
     * Every object of every example, with an unknown field added: refused by the Java exactly where the schema says
     * additionalProperties false, and accepted by both where the schema leaves the object open.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void objectsAreClosedInTheSchemaExactlyWhereTheJavaRefusesUnknownFields(String key) {
        List<String> disagreements = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        closedness(key, terms(key), "", "terms", TERMS_SCHEMA, disagreements, visited);
        assertThat(visited).hasSizeGreaterThan(50);
        assertThat(disagreements).isEmpty();
    }

    private void closedness(String key, JsonNode node, String pointer, String javaPath, JsonNode schema,
                            List<String> disagreements, List<String> visited) {
        schema = branch(resolve(schema), node);
        if (node.isObject()) {
            visited.add(javaPath);
            boolean closed = schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean();
            ObjectNode t = terms(key);
            ((ObjectNode) (pointer.isEmpty() ? t : t.at(pointer))).put(UNKNOWN, "x");
            boolean javaRefuses = javaErrors(key, t).containsKey(javaPath + "." + UNKNOWN);
            boolean schemaRefuses = !schemaErrors(TERMS, t).isEmpty();
            if (closed != javaRefuses || (closed && !schemaRefuses)) {
                disagreements.add(javaPath + ": schema " + (closed ? "closed" : "open") + ", Java "
                        + (javaRefuses ? "refuses" : "accepts") + " an unknown field");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode child = schema.path("properties").has(f.getKey()) ? schema.path("properties").get(f.getKey())
                        : schema.path("additionalProperties");
                if (child.isObject()) {
                    closedness(key, f.getValue(), pointer + "/" + f.getKey(), javaPath + "." + f.getKey(), child,
                            disagreements, visited);
                }
            }
        } else if (node.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < node.size(); i++) {
                closedness(key, node.get(i), pointer + "/" + i, javaPath + "[" + i + "]", schema.get("items"),
                        disagreements, visited);
            }
        }
    }

    /** Follows {@code $ref}s into the schema's definitions. */
    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = TERMS_SCHEMA.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /** The alternative of an anyOf that describes this value: the object one, a group for a group, else a leaf. */
    private static JsonNode branch(JsonNode schema, JsonNode node) {
        if (!schema.has("anyOf") || !node.isObject()) {
            return schema;
        }
        boolean group = node.has("all_of") || node.has("any_of") || node.has("none_of");
        JsonNode leaf = null;
        for (JsonNode alternative : schema.get("anyOf")) {
            JsonNode a = resolve(alternative);
            if (!"object".equals(a.path("type").asText())) {
                continue;
            }
            if (a.path("properties").has("any_of") == group) {
                return a;
            }
            leaf = a;
        }
        return leaf == null ? schema : leaf;
    }

    @Test
    void periodsAndOperationsMatchTheJavaPatterns() {
        Schema duration = definition("duration");
        for (String p : List.of("P180D", "P12M", "P1Y", "P2W", "PT24H", "PT30M", "P1DT2H", "P1Y2M3W4D", "PT1H30M", "P",
                "PT", "P1DT", "P1.5Y", "90 days", "p30d", "PT5S", "P-1D", "1D", "P1D ", " P1D", "P1H")) {
            assertThat(duration.validate(TextNode.valueOf(p)).isEmpty()).as(p)
                    .isEqualTo(TreatyPeriod.isPeriod(p));
        }
        Schema operation = definition("operation");
        for (String o : List.of("*", "onboarding", "activation", "transfer", "transfer.*", "transfer.replication",
                "transfer.restore", "transfer.evacuation", "transfer.migration", "jurisdiction", "jurisdiction.*",
                "jurisdiction.search", "jurisdiction.entry", "jurisdiction.court_order", "jurisdiction.disclose_location",
                "transfers", "transfer.copy", "jurisdiction.raid", "onboarding.*", "*.*", "activation.*", "")) {
            assertThat(operation.validate(TextNode.valueOf(o)).isEmpty()).as(o)
                    .isEqualTo(ClauseChecks.OPERATION.matcher(o).matches());
        }
    }

    private static Schema definition(String name) {
        ObjectNode s = JSON.createObjectNode();
        s.set("definitions", TERMS_SCHEMA.get("definitions"));
        s.putArray("allOf").addObject().put("$ref", "#/definitions/" + name);
        return SCHEMAS.getSchema(s);
    }

    @Test
    void vocabulariesMatchTheJava() {
        assertThat(values(TERMS_SCHEMA.at("/properties/lifecycle/properties/history/items/properties/status/enum")))
                .isEqualTo(new TreeSet<>(TermsV2Validator.STATUSES));
        assertThat(values(TERMS_SCHEMA.at("/definitions/condition_leaf/properties/event/enum")))
                .isEqualTo(new TreeSet<>(ClauseChecks.EVENTS));
        assertThat(values(TERMS_SCHEMA.at("/definitions/duty_every/properties/fulfilled_by/enum")))
                .isEqualTo(Set.of("jurisdiction_review"));
        assertThat(values(TERMS_SCHEMA.at("/definitions/classification/enum"))).isEqualTo(
                Stream.of(Classification.values()).map(Enum::name).collect(TreeSet::new, Set::add, Set::addAll));
        assertThat(fieldNames(TERMS_SCHEMA.at("/properties"))).isEqualTo(new TreeSet<>(TermsV2Validator.TOP_LEVEL));
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A condition's fact names a field of the decision input: a fact the input cannot state never holds. */
    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void everyFactAConditionTestsIsAnInputField(String key) {
        Set<String> facts = new TreeSet<>();
        terms(key).findValues("fact").forEach(f -> facts.add(f.asText()));
        assertThat(facts).isNotEmpty();
        JsonNode union = read("schemas/decision-input.json");
        for (String fact : facts) {
            boolean known = false;
            for (JsonNode alternative : union.get("anyOf")) {
                JsonNode s = alternative;
                for (String part : fact.split("\\.")) {
                    while (s.has("$ref")) {
                        s = union.at(s.get("$ref").asText().substring(1));
                    }
                    s = s.path("properties").path(part);
                }
                known |= !s.isMissingNode();
            }
            assertThat(known).as(key + ": fact " + fact).isTrue();
        }
    }

    // ---------------------------------------------------------------- decision inputs

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode input) {
        return JSON.convertValue(input, Map.class);
    }

    private static boolean javaAccepts(String entryPoint, JsonNode input) {
        try {
            DecisionInputShape.check(EntryPoint.fromKey(entryPoint).orElseThrow(), map(input));
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void everyCaseTableInputIsValidForBoth(String key) {
        Schema union = SCHEMAS.getSchema(read("schemas/decision-input.json"));
        for (JsonNode row : read("policies-test/dataembassy/testdata/cases/" + key + "/data.json").get("rows")) {
            String entryPoint = row.get("entry_point").asText();
            JsonNode input = row.get("input");
            String id = key + " " + row.get("id").asText();
            assertThat(javaAccepts(entryPoint, input)).as("DecisionInputShape, " + id).isTrue();
            assertThat(schemaErrors(input(entryPoint), input)).as("schemas/input/" + entryPoint + ".json, " + id).isEmpty();
            assertThat(schemaErrors(union, input)).as("schemas/decision-input.json, " + id).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"onboarding", "transfer", "jurisdiction", "activation"})
    void everySeedCaseIsJudgedAlikeByBoth(String entryPoint) {
        Schema schema = input(entryPoint);
        for (JsonNode c : read("policies/dataembassy/testdata/" + entryPoint + "/data.json").get("cases")) {
            JsonNode input = c.get("input");
            assertThat(schemaErrors(schema, input).isEmpty()).as(entryPoint + ": " + c.get("name").asText())
                    .isEqualTo(javaAccepts(entryPoint, input));
        }
    }

    record BrokenInput(String name, String entryPoint, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BrokenInput> brokenInputs() {
        String at = "\"agreement\": \"xa_xb\", \"at\": \"2026-03-01T00:00:00Z\", ";
        return Stream.of(
                new BrokenInput("misspelt classification", "onboarding", "{" + at + "\"dataset\": {\"clasification\": \"INTERNAL\"}}"),
                new BrokenInput("misspelt purpose value", "transfer", "{" + at + "\"transfer\": {\"purpose\": \"replicaton\"}}"),
                new BrokenInput("a verdict in the question", "transfer", "{" + at + "\"verdict\": \"allow\"}"),
                new BrokenInput("a request asked of onboarding", "onboarding", "{" + at + "\"request\": {\"kind\": \"search\"}}"),
                new BrokenInput("a dataset asked of activation", "activation", "{" + at + "\"dataset\": {}}"),
                new BrokenInput("an unknown request kind", "jurisdiction", "{" + at + "\"request\": {\"kind\": \"subpoena\"}}"),
                new BrokenInput("an unknown field of a person", "jurisdiction",
                        "{" + at + "\"request\": {\"kind\": \"entry\", \"person\": {\"rank\": \"major\"}}}"),
                new BrokenInput("an unknown field of a court order", "jurisdiction",
                        "{" + at + "\"request\": {\"kind\": \"court_order\", \"court_order\": {\"appeal\": true}}}"),
                new BrokenInput("an unknown field of an approval", "activation",
                        "{" + at + "\"activation\": {\"approvals\": [{\"id\": \"u1\", \"name\": \"U\"}]}}"),
                new BrokenInput("a misspelt event kind", "duties",
                        "{" + at + "\"facts\": {\"events\": [{\"kind\": \"marshal_law\", \"state\": \"XB\", \"start\": \"2026-01-01\"}]}}"),
                new BrokenInput("an unknown field of an event", "onboarding",
                        "{" + at + "\"facts\": {\"events\": [{\"kind\": \"new_law\", \"colour\": \"red\"}]}}"),
                new BrokenInput("an unknown fact", "duties", "{" + at + "\"facts\": {\"fulfiled\": {}}}"),
                new BrokenInput("an unknown field of a fulfilment", "duties",
                        "{" + at + "\"facts\": {\"fulfilled\": [{\"code\": \"AUDIT_MINIMUM\", \"day\": \"2026-01-01\"}]}}"),
                new BrokenInput("an unknown field of an activation fact", "duties",
                        "{" + at + "\"facts\": {\"activations\": [{\"id\": \"a\", \"ended_at\": \"2026-01-01T00:00:00Z\"}]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void brokenInputsAreRefusedByBoth(BrokenInput broken) throws Exception {
        JsonNode input = JSON.readTree(broken.json());
        assertThat(javaAccepts(broken.entryPoint(), input)).as("DecisionInputShape").isFalse();
        assertThat(schemaErrors(input(broken.entryPoint()), input)).as("schemas/input/" + broken.entryPoint() + ".json")
                .isNotEmpty();
    }

    /**
     * Every field each input schema names, alone in an input, is one DecisionInputShape knows; an unknown field
     * beside it is refused by both. So the two name the same fields, object by object, for every entry point.
     */
    @ParameterizedTest
    @ValueSource(strings = {"onboarding", "transfer", "jurisdiction", "activation", "duties"})
    void inputSchemasNameExactlyTheFieldsTheJavaKnows(String entryPoint) {
        JsonNode root = read("schemas/input/" + entryPoint + ".json");
        Schema schema = SCHEMAS.getSchema(root);
        List<String> disagreements = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Map<String, Set<String>> closedObjects = new TreeMap<>();
        fields(root, root, new ArrayList<>(), (path, sample) -> {
            paths.add(String.join(".", path));
            JsonNode known = nest(path, sample);
            if (!javaAccepts(entryPoint, known) || !schemaErrors(schema, known).isEmpty()) {
                disagreements.add(String.join(".", path) + " = " + sample + ": Java " + javaAccepts(entryPoint, known)
                        + ", schema " + schemaErrors(schema, known));
            }
        }, (path, properties) -> {
            closedObjects.put(String.join(".", path), properties);
            List<String> p = new ArrayList<>(path);
            p.add(UNKNOWN);
            JsonNode unknown = nest(p, TextNode.valueOf("x"));
            if (javaAccepts(entryPoint, unknown) || schemaErrors(schema, unknown).isEmpty()) {
                disagreements.add(String.join(".", p) + ": Java " + javaAccepts(entryPoint, unknown) + ", schema "
                        + schemaErrors(schema, unknown));
            }
        });
        assertThat(paths).contains("agreement", "at", "facts.events[].kind");
        assertThat(disagreements).isEmpty();
        assertThat(closedObjects).as("the closed objects of schemas/input/" + entryPoint + ".json and their fields")
                .isEqualTo(javaFields(EntryPoint.fromKey(entryPoint).orElseThrow()));
    }

    /** DecisionInputShape's field lists for one entry point: "" for the top, then each part it allows. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> javaFields(EntryPoint entryPoint) {
        Map<EntryPoint, Set<String>> top = (Map<EntryPoint, Set<String>>) shape("TOP");
        Map<String, Set<String>> fields = (Map<String, Set<String>>) shape("FIELDS");
        Map<String, Set<String>> out = new TreeMap<>();
        out.put("", new TreeSet<>(top.get(entryPoint)));
        fields.forEach((path, names) -> {
            if (top.get(entryPoint).contains(path.split("\\.")[0].replace("[]", ""))) {
                out.put(path, new TreeSet<>(names));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    @Test
    void inputVocabulariesMatchTheJava() {
        Map<String, Set<String>> vocabulary = (Map<String, Set<String>>) shape("VOCABULARY");
        JsonNode transfer = read("schemas/input/transfer.json");
        JsonNode jurisdiction = read("schemas/input/jurisdiction.json");
        assertThat(values(transfer.at("/properties/transfer/properties/purpose/enum")))
                .isEqualTo(new TreeSet<>(vocabulary.get("transfer.purpose")));
        assertThat(values(jurisdiction.at("/properties/request/properties/kind/enum")))
                .isEqualTo(new TreeSet<>(vocabulary.get("request.kind")));
        assertThat(values(jurisdiction.at("/definitions/facts/properties/events/items/properties/kind/enum")))
                .isEqualTo(new TreeSet<>(vocabulary.get("facts.events[].kind")));
    }

    private static Object shape(String field) {
        try {
            Field f = DecisionInputShape.class.getDeclaredField(field);
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DecisionInputShape." + field + " is gone: update JsonSchemasTests", e);
        }
    }

    interface FieldVisitor {
        void field(List<String> path, JsonNode sample);
    }

    interface ObjectVisitor {
        void closedObject(List<String> path, Set<String> properties);
    }

    /** Visits every property of the schema with a sample value of its type, and every closed object. */
    private static void fields(JsonNode root, JsonNode schema, List<String> path, FieldVisitor field, ObjectVisitor closed) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("anyOf")) {
            for (JsonNode alternative : schema.get("anyOf")) {
                fields(root, alternative, path, field, closed);
            }
            return;
        }
        if (schema.path("items").isObject() && !path.isEmpty()) {
            List<String> p = new ArrayList<>(path);
            p.set(p.size() - 1, p.get(p.size() - 1) + "[]");
            fields(root, schema.get("items"), p, field, closed);
            return;
        }
        if (!schema.has("properties")) {
            return;
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            closed.closedObject(path, fieldNames(schema.get("properties")));
        }
        schema.get("properties").fields().forEachRemaining(e -> {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            field.field(p, sample(root, e.getValue()));
            fields(root, e.getValue(), p, field, closed);
        });
    }

    private static JsonNode sample(JsonNode root, JsonNode schema) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("anyOf")) {
            return sample(root, schema.get("anyOf").get(0));
        }
        String type = schema.path("type").isArray() ? schema.get("type").get(0).asText() : schema.path("type").asText();
        return switch (type) {
            case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
            case "number", "integer" -> JsonNodeFactory.instance.numberNode(1);
            case "array" -> JsonNodeFactory.instance.arrayNode();
            case "object" -> JsonNodeFactory.instance.objectNode();
            default -> TextNode.valueOf("x");
        };
    }

    /** {@code [facts, events[], kind]} and a value → {@code {"facts": {"events": [{"kind": value}]}}}. */
    private static JsonNode nest(List<String> path, JsonNode value) {
        JsonNode node = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            String part = path.get(i);
            boolean item = part.endsWith("[]");
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            if (item) {
                o.putArray(part.substring(0, part.length() - 2)).add(node);
            } else {
                o.set(part, node);
            }
            node = o;
        }
        return node;
    }

    @Test
    void theUnionIsTheAnyOfOfTheFiveEntryPointsAndTheyShareTheirParts() {
        JsonNode union = read("schemas/decision-input.json");
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        List<JsonNode> bodies = new ArrayList<>();
        for (String entryPoint : ENTRY_POINTS) {
            JsonNode s = read("schemas/input/" + entryPoint + ".json");
            s.get("definitions").fields().forEachRemaining(e -> {
                JsonNode before = definitions.putIfAbsent(e.getKey(), e.getValue());
                assertThat(before == null || before.equals(e.getValue())).as(entryPoint + ": definitions." + e.getKey()
                        + " differs from another entry point's").isTrue();
            });
            ObjectNode body = JSON.createObjectNode();
            for (String k : List.of("title", "type", "properties", "additionalProperties")) {
                body.set(k, s.get(k));
            }
            bodies.add(body);
        }
        assertThat(union.get("anyOf")).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(union.get("definitions")).isEqualTo(JSON.valueToTree(definitions));
    }
}
