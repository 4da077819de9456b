package org.dataembassy.portal.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.dataembassy.portal.support.TestAgreements;

/**
 * The registry's four-eyes path through the REST API: the author drafts, saves and submits, a second legal
 * officer approves and publishes (the publication returns once OPA runs the new bundle). Agreements of the soak
 * are its own (suffix {@code soak…}), never the seeds.
 */
final class AgreementPublications {

    private static final Set<Integer> OK = Set.of(200);
    private static final String[] CLASSIFICATIONS = {"\"PUBLIC\", \"INTERNAL\"", "\"PUBLIC\", \"INTERNAL\", \"RESTRICTED\""};

    private final ApiClient author;
    private final ApiClient reviewer;

    AgreementPublications(ApiClient author, ApiClient reviewer) {
        this.author = author;
        this.reviewer = reviewer;
    }

    /** A new agreement EE → {@code host} in force, published as v1; its key, or empty when a step failed. */
    Optional<String> createPublished(String host, String suffix) {
        String request = "{\"template\": \"ee_lu\", \"originatingState\": \"EE\", \"hostState\": \"" + host + "\", \"title\": \"Soak agreement "
                + suffix + "\", \"treatyReference\": \"soak test\", \"suffix\": \"" + suffix + "\"}";
        Optional<JsonNode> v1 = author.post("api:agreement-create", "/api/agreements", request, Set.of(201))
                .filter(r -> r.status() == 201).map(ApiClient.Reply::json);
        if (v1.isEmpty()) {
            return Optional.empty();
        }
        String key = v1.get().get("agreementKey").asText();
        return publish(key, v1.get(), 0, "in force since 2020") ? Optional.of(key) : Optional.empty();
    }

    /** Drafts the next version from the latest, alternates the permitted classifications, and publishes it. */
    boolean publishNext(String key, int round) {
        Optional<JsonNode> versions = author.get("api:agreement-versions", "/api/agreements/" + key + "/versions", OK)
                .filter(r -> r.status() == 200).map(ApiClient.Reply::json);
        if (versions.isEmpty() || versions.get().isEmpty()) {
            return false;
        }
        int latest = versions.get().get(0).get("version").asInt();
        Optional<JsonNode> draft = author.post("api:agreement-draft", "/api/agreements/" + key + "/versions",
                "{\"basedOn\": " + latest + "}", Set.of(201)).filter(r -> r.status() == 201).map(ApiClient.Reply::json);
        return draft.isPresent() && publish(key, draft.get(), round, "soak round " + round);
    }

    private boolean publish(String key, JsonNode draft, int round, String note) {
        int version = draft.get("version").asInt();
        String base = "/api/agreements/" + key + "/versions/" + version;
        ObjectNode content = ApiClient.JSON.createObjectNode();
        content.put("termsJson", TestAgreements.inForce(draft.get("termsJson").asText(), CLASSIFICATIONS[round % 2]));
        content.put("regoSource", draft.get("regoSource").asText());
        content.put("testsSource", draft.get("testsSource").asText());
        content.put("changeNote", note);
        return ok(author.put("api:agreement-save", base, content.toString(), OK))
                && ok(author.post("api:agreement-submit", base + "/submit", "", OK))
                && ok(reviewer.post("api:agreement-approve", base + "/approve", "{\"comment\": \"checked by the soak\"}", OK))
                && ok(reviewer.post("api:agreement-publish", base + "/publish", "", OK));
    }

    private static boolean ok(Optional<ApiClient.Reply> reply) {
        return reply.filter(r -> r.status() == 200).isPresent();
    }
}
