package org.dataembassy.portal.identity.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts requests to Camunda's web-app API ({@code /camunda/api/…}) into reads, the few operations an
 * administrator may still take there, and everything else, which is refused. An allowlist: a path that is not
 * recognised — including one spelt with percent-encoding, a trailing slash or another engine name — is refused.
 */
final class CamundaApiRequests {

    enum Kind { READ, OPERATION, REFUSED }

    /** How a request was sorted; {@code operation} and {@code target} only for operations. */
    record Classified(Kind kind, String operation, String target) {

        static final Classified READ = new Classified(Kind.READ, null, null);
        static final Classified REFUSED = new Classified(Kind.REFUSED, null, null);
    }

    private record Operation(String method, Pattern path, String name, String targetKind) {
    }

    private static final String ENGINE = "engine/engine/default/";
    private static final String ID = "([A-Za-z0-9:._-]{1,64})";

    private static final List<Operation> OPERATIONS = List.of(
            op("PUT", "job/" + ID + "/retries", "JOB_RETRIES_SET", "job"),
            op("PUT", "job-definition/" + ID + "/retries", "JOB_RETRIES_SET", "job-definition"),
            op("PUT", "external-task/" + ID + "/retries", "JOB_RETRIES_SET", "external-task"),
            op("PUT", "job/" + ID + "/suspended", "JOB_SUSPENSION_SET", "job"),
            op("PUT", "job/suspended", "JOB_SUSPENSION_SET", null),
            op("PUT", "job-definition/" + ID + "/suspended", "JOB_DEFINITION_SUSPENSION_SET", "job-definition"),
            op("PUT", "job-definition/suspended", "JOB_DEFINITION_SUSPENSION_SET", null),
            op("PUT", "process-instance/" + ID + "/suspended", "PROCESS_INSTANCE_SUSPENSION_SET", "process-instance"),
            op("PUT", "process-instance/suspended", "PROCESS_INSTANCE_SUSPENSION_SET", null),
            op("PUT", "process-definition/" + ID + "/suspended", "PROCESS_DEFINITION_SUSPENSION_SET", "process-definition"),
            op("PUT", "process-definition/key/" + ID + "/suspended", "PROCESS_DEFINITION_SUSPENSION_SET", "process-definition-key"),
            op("PUT", "process-definition/suspended", "PROCESS_DEFINITION_SUSPENSION_SET", null));

    /** Collection roots answered by POST with a query in the body (and their {@code /count}). */
    private static final Pattern ENGINE_QUERY = Pattern.compile("(history/)?([a-z-]{2,40})(/count)?");

    /** Collection roots whose POST is a write, not a query. */
    private static final List<String> NOT_QUERIES = List.of("message", "signal", "condition", "cleanup", "migration",
            "modification", "restart", "deployment", "batch");

    /** Cockpit's own plugin API: queries only (the community edition's plugins change nothing). */
    private static final Pattern COCKPIT_PLUGIN = Pattern.compile("cockpit/plugin/[a-z-]{1,40}/default/[A-Za-z0-9/_-]{1,200}");

    private CamundaApiRequests() {
    }

    private static Operation op(String method, String path, String name, String targetKind) {
        return new Operation(method, Pattern.compile(path), name, targetKind);
    }

    /**
     * @param method HTTP method
     * @param path   the raw (undecoded) request path below {@code /camunda/api/}
     * @param methodOverride whether the request carries a method-override header
     */
    static Classified classify(String method, String path, boolean methodOverride) {
        if (methodOverride || path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.contains("//")) {
            return Classified.REFUSED;
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return Classified.READ;
        }
        if (path.startsWith(ENGINE)) {
            return engine(method, path.substring(ENGINE.length()));
        }
        if (method.equals("POST") && (COCKPIT_PLUGIN.matcher(path).matches() || path.equals("admin/auth/user/default/logout"))) {
            return Classified.READ;
        }
        return Classified.REFUSED;
    }

    private static Classified engine(String method, String path) {
        for (Operation operation : OPERATIONS) {
            Matcher m = operation.path().matcher(path);
            if (operation.method().equals(method) && m.matches()) {
                String target = operation.targetKind() == null ? "camunda:" + path
                        : operation.targetKind() + ":" + m.group(1);
                return new Classified(Kind.OPERATION, operation.name(), target);
            }
        }
        Matcher query = ENGINE_QUERY.matcher(path);
        if (method.equals("POST") && query.matches() && !NOT_QUERIES.contains(query.group(2))) {
            return Classified.READ;
        }
        return Classified.REFUSED;
    }
}
