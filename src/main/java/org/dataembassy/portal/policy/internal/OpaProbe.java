package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.policy.AgreementSummary;

/** Small read-only calls to an OPA server: health, version, active bundle revision. */
public final class OpaProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public boolean healthy(String baseUrl) {
        return get(baseUrl + "/health").map(r -> r.statusCode() == 200).orElse(false);
    }

    /** OPA answers and has activated every configured bundle ({@code /health?bundles}). */
    public boolean bundlesActive(String baseUrl) {
        return get(baseUrl + "/health?bundles").map(r -> r.statusCode() == 200).orElse(false);
    }

    public Optional<String> version(String baseUrl) {
        return post(baseUrl + "/v1/query", "{\"query\":\"x := opa.runtime().version\"}")
                .map(n -> n.path("result").path(0).path("x").asText(null));
    }

    /** Revisions of every active bundle, joined with ", "; "none" when no bundle is active. */
    public Optional<String> bundleRevision(String baseUrl) {
        return get(baseUrl + "/v1/data/system/bundles").filter(r -> r.statusCode() == 200).map(r -> {
            try {
                JsonNode bundles = JSON.readTree(r.body()).path("result");
                StringBuilder revisions = new StringBuilder();
                for (Iterator<JsonNode> it = bundles.elements(); it.hasNext(); ) {
                    String revision = it.next().path("manifest").path("revision").asText("");
                    if (!revision.isEmpty()) {
                        revisions.append(revisions.isEmpty() ? "" : ", ").append(revision);
                    }
                }
                return revisions.isEmpty() ? "none" : revisions.toString();
            } catch (Exception e) {
                return "unknown";
            }
        });
    }

    /** The agreements in the active bundle (data.dataembassy.agreements.*.terms), empty when OPA cannot answer. */
    public List<AgreementSummary> agreements(String baseUrl) {
        return get(baseUrl + "/v1/data/dataembassy/agreements").filter(r -> r.statusCode() == 200).map(r -> {
            List<AgreementSummary> found = new ArrayList<>();
            try {
                var fields = JSON.readTree(r.body()).path("result").fields();
                while (fields.hasNext()) {
                    var entry = fields.next();
                    JsonNode terms = entry.getValue().path("terms");
                    if (terms.isObject() && terms.hasNonNull("id")) {
                        found.add(new AgreementSummary(entry.getKey(),
                                terms.path("id").asText(), terms.path("title").asText(entry.getKey()),
                                terms.path("parties").path("originating_state").asText(""),
                                terms.path("parties").path("host_state").asText("")));
                    }
                }
            } catch (Exception e) {
                return List.<AgreementSummary>of();
            }
            found.sort(Comparator.comparing(AgreementSummary::key));
            return List.copyOf(found);
        }).orElse(List.of());
    }

    private Optional<HttpResponse<String>> get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    private Optional<JsonNode> post(String url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
