package org.dataembassy.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Requests wrong at the HTTP level, around an endpoint's valid request: content types, Accept headers, methods,
 * path variables, query parameters, unknown paths, no or a wrong CSRF token, nobody signed in, bodies over the
 * size limit (declared and chunked).
 */
final class HttpFamilies {

    static final int BODY_LIMIT = 256 * 1024;
    private static final List<String> BAD_VARIABLES = List.of("0x1", "-1", "1e3", "1.0", "+1", "%00", "%2F", "%2e%2e",
            "%20", "a%20b", "%E2%80%AE1", "%F0%9F%98%80", "%FF", "%3Bx", "9".repeat(4_000), "a".repeat(4_000),
            "b".repeat(9_000));
    private static final List<String> BAD_QUERY = List.of("0x1", "abc", "1.5", "99999999999", "", "1%00", "%FF", "-0");
    /** For a text parameter: a control character, bytes that are not UTF-8. */
    private static final List<String> BAD_TEXT = List.of("1%00", "%FF");
    /** For an instant given as text (from, to of the audit trail): what is not ISO 8601. */
    private static final List<String> BAD_INSTANT = List.of("abc", "99999999999", "-0", "2026-13-01T00:00:00Z", "1%00", "%FF");

    private HttpFamilies() {
    }

    static List<Probe> of(Target target, List<ApiEndpoint> all) {
        ApiEndpoint e = target.endpoint();
        String path = target.path();
        byte[] body = target.validBody() == null ? null : target.validBody().getBytes(StandardCharsets.UTF_8);
        List<Probe> probes = new ArrayList<>();
        Probe valid = Probe.of("", e.key(), target.user(), e.method(), path, body, Set.of());
        byte[] someBody = body != null ? body : "{}".getBytes(StandardCharsets.UTF_8);
        Set<Integer> contentRefused = e.takesBody() ? Set.of(415) : Set.of(400);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json;charset=ISO-8859-1", "application/problem+json",
                "application/octet-stream", "nonsense")) {
            probes.add(re(valid, "wrong-content-type", contentRefused, someBody).withHeader("Content-Type", type));
        }
        probes.add(re(valid, "wrong-content-type", contentRefused, "a=%zz&b=1".getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "application/x-www-form-urlencoded"));
        probes.add(re(valid, "wrong-content-type", contentRefused, someBody).withHeader("Content-Type", null));
        probes.add(re(valid, "wrong-content-type", e.takesBody() ? Set.of(415) : Set.of(400),
                new String(someBody, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16))
                .withHeader("Content-Type", "application/json;charset=UTF-16"));
        for (String accept : List.of("application/xml", "text/html", "text/plain", "image/png", "application/problem+json", "@@@")) {
            probes.add(re(valid, "wrong-accept", Set.of(406), body).withHeader("Accept", accept));
        }
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            if (!mapped(all, method, pathOnly(path))) {
                probes.add(new Probe("wrong-method", e.key(), target.user(), method, path, valid.headers(),
                        "GET".equals(method) ? null : body, false, !"GET".equals(method), null, Set.of(405)));
            }
        }
        for (String method : List.of("FOO", "PROPFIND", "TRACE")) {
            probes.add(new Probe("unknown-method", e.key(), target.user(), method, path, valid.headers(), null, false,
                    true, null, Set.of(400, 405)));
        }
        for (ApiEndpoint.Parameter variable : e.pathVariables()) {
            for (String bad : BAD_VARIABLES) {
                probes.add(at(valid, "bad-path-variable", target.withVariable(variable.name(), bad), Set.of(400, 404)));
            }
        }
        for (ApiEndpoint.Parameter query : e.queryParameters()) {
            boolean instant = query.type() == String.class && Set.of("from", "to").contains(query.name());
            boolean wide = query.type() == Long.class || query.type() == long.class;
            List<String> bads = instant ? BAD_INSTANT : query.type() == String.class ? BAD_TEXT
                    : wide ? BAD_QUERY.stream().filter(b -> !b.equals("99999999999")).toList() : BAD_QUERY;
            for (String bad : bads) {
                if (bad.isEmpty() && !query.required()) {
                    continue; // an empty value means the default, as Spring documents: not malformed
                }
                probes.add(at(valid, "bad-query-parameter", target.withQuery(query.name(), bad), Set.of(400, 404)));
            }
            probes.add(at(valid, "bad-query-parameter", target.withQuery(query.name(), "1&" + query.name() + "=2"),
                    Set.of(400)));
            if (query.required()) {
                probes.add(at(valid, "missing-query-parameter", target.withQuery(query.name(), null), Set.of(400)));
            }
        }
        String bare = pathOnly(path);
        for (String unknown : List.of(bare + "/nope", bare + "/", bare.replaceFirst("^/api/(.)", "/api/X$1"),
                bare + "/nope/deeper")) {
            if (all.stream().noneMatch(other -> matches(other.pattern(), unknown))) {
                probes.add(at(valid, "unknown-path", unknown + query(path), Set.of(404)));
            }
        }
        if (!"GET".equals(e.method())) {
            probes.add(re(valid, "missing-csrf", Set.of(403), body).withoutCsrf());
            probes.add(re(valid, "missing-csrf", Set.of(403), body).withoutCsrf().withHeader("X-CSRF-TOKEN", "not-the-token"));
        }
        probes.add(re(valid, "anonymous", Set.of(401), body).as(null));
        byte[] over = padded(someBody, BODY_LIMIT + 1);
        probes.add(re(valid, "over-size-limit", Set.of(413), over));
        probes.add(re(valid, "over-size-limit", Set.of(413), padded(someBody, 2 * BODY_LIMIT)));
        probes.add(re(valid, "over-size-limit", Set.of(413), padded(someBody, BODY_LIMIT + 40_000)).sentChunked());
        return probes;
    }

    private static Probe re(Probe valid, String family, Set<Integer> expected, byte[] body) {
        Probe p = new Probe(family, valid.endpoint(), valid.user(), valid.method(), valid.path(), valid.headers(), body,
                false, valid.csrf(), null, expected);
        return body == null ? p.withHeader("Content-Type", null) : p.withHeader("Content-Type", Probe.JSON);
    }

    private static Probe at(Probe valid, String family, String path, Set<Integer> expected) {
        return new Probe(family, valid.endpoint(), valid.user(), valid.method(), path, valid.headers(), valid.body(),
                false, valid.csrf(), null, expected);
    }

    /** Valid JSON followed by spaces up to {@code size} bytes. */
    private static byte[] padded(byte[] json, int size) {
        byte[] out = new byte[Math.max(size, json.length)];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(json, 0, out, 0, json.length);
        return out;
    }

    private static boolean mapped(List<ApiEndpoint> all, String method, String path) {
        return all.stream().anyMatch(e -> e.method().equals(method) && matches(e.pattern(), path));
    }

    private static boolean matches(String pattern, String path) {
        return PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String query(String path) {
        int q = path.indexOf('?');
        return q < 0 ? "" : path.substring(q);
    }
}
