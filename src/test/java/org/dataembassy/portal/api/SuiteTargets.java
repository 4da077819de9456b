package org.dataembassy.portal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ResolvableType;

/**
 * Aims each endpoint at the suite's own agreement: version 2 is a draft, 3 is in review and 4 is approved (all by
 * lola), so that review actions (leo) and everything else (lola) would act if a malformed request got through.
 * Valid bodies for the body types the API has; any other record gets a generic body, so a new endpoint is probed too.
 */
final class SuiteTargets {

    /** Column limits of the registry (db/migration V2) and the shortest business limits, by body field. */
    static final Map<String, Integer> LIMITS = Map.ofEntries(Map.entry("comment", 2000), Map.entry("changeNote", 2000),
            Map.entry("reason", 1975), Map.entry("title", 500), Map.entry("treatyReference", 500),
            Map.entry("suffix", 12), Map.entry("originatingState", 2), Map.entry("hostState", 2),
            Map.entry("template", 18),
            Map.entry("termsJson", 1_000_000), Map.entry("regoSource", 1_000_000), Map.entry("testsSource", 1_000_000));

    private final String key;
    private final ObjectNode draft;
    private final String taskId;

    /** {@code taskId}: an open task lola may work on, so that a malformed completion would complete it. */
    SuiteTargets(String key, ObjectNode draft, String taskId) {
        this.key = key;
        this.draft = draft;
        this.taskId = taskId;
    }

    Target of(ApiEndpoint e) {
        boolean review = e.pattern().endsWith("/approve") || e.pattern().endsWith("/reject");
        boolean publish = e.pattern().endsWith("/publish");
        Map<String, String> variables = new LinkedHashMap<>();
        for (ApiEndpoint.Parameter v : e.pathVariables()) {
            variables.put(v.name(), switch (v.name()) {
                case "key" -> key;
                case "version" -> review ? "3" : publish ? "4" : "2";
                case "entryPoint" -> "onboarding";
                case "id" -> e.pattern().startsWith("/api/tasks") ? taskId : "no-such-id";
                default -> throw new AssertionError("give the suite a value for {" + v.name() + "} of " + e.key());
            });
        }
        boolean audit = e.pattern().startsWith("/api/audit");
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiEndpoint.Parameter q : e.queryParameters()) {
            query.put(q.name(), switch (q.name()) {
                case "from" -> audit ? "2026-01-01T00:00:00Z" : "1";
                case "to" -> audit ? "2026-01-02T00:00:00Z" : "2";
                case "days" -> "30";
                case "format" -> "jsonl";
                default -> "1";
            });
        }
        // each endpoint probed by a user who may use it: auditors for the trail, the data owner to request transfers
        String user = audit ? "aude"
                : e.pattern().equals("/api/transfers") && e.method().equals("POST") ? "dora"
                : review || publish ? "leo" : "lola";
        return new Target(e, user, variables, query, e.takesBody() ? body(e.bodyType()) : null);
    }

    /** The body's fields and their types (record components), for the per-field families. */
    static Map<String, Class<?>> fields(Type bodyType) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        Class<?> type = ResolvableType.forType(bodyType).resolve();
        if (type != null && type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.put(c.getName(), c.getType());
            }
        }
        return fields;
    }

    private String body(Type bodyType) {
        Class<?> type = ResolvableType.forType(bodyType).resolve();
        String name = type == null ? "" : type.getSimpleName();
        String fresh = TestSuffix.next();
        return switch (name) {
            case "NewAgreement" -> "{\"originatingState\":\"EE\",\"hostState\":\"FR\",\"title\":\"Suite " + fresh
                    + "\",\"treatyReference\":\"suite\",\"suffix\":\"" + fresh
                    + "\",\"schemaVersion\":1,\"template\":\"ee_lu\"}";
            case "DraftContent" -> draft.toString();
            case "Comment" -> "{\"comment\":\"checked by the suite\"}";
            case "RollbackRequest" -> "{\"toVersion\":1,\"reason\":\"suite\"}";
            case "DraftRequest" -> "{\"basedOn\":1}";
            case "DecisionRequest" -> "{\"input\":{\"agreement\":\"" + key + "\",\"dataset\":{\"classification\":"
                    + "\"INTERNAL\",\"personal_data\":false,\"register\":\"\"}}}";
            default -> generic(bodyType);
        };
    }

    private static String generic(Type bodyType) {
        ObjectNode body = FieldFamilies.JSON.createObjectNode();
        fields(bodyType).forEach((name, type) -> {
            if (CharSequence.class.isAssignableFrom(type)) {
                body.put(name, "x");
            } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                body.put(name, 1);
            } else if (type == Boolean.class || type == boolean.class) {
                body.put(name, true);
            } else if (Collection.class.isAssignableFrom(type)) {
                body.putArray(name);
            } else {
                body.putObject(name);
            }
        });
        return body.toString();
    }

    /** Fresh lower-case suffixes for agreements the suite would create if a request got through. */
    static final class TestSuffix {
        private TestSuffix() {
        }

        static String next() {
            return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        }
    }
}
