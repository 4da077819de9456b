package org.dataembassy.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail over the API as an auditor uses it, signed in through the real login form: pages that follow one
 * another without gaps or overlaps, filters, the chain's verification, and exports of a period as JSON Lines (the
 * entries as stored) and CSV whose rows are the same entries.
 */
@PortalIntegrationTest
class AuditApiIT {

    @LocalServerPort
    int port;

    @Test
    void pagesFollowOneAnotherAndFiltersNarrowThem() throws Exception {
        ApiSession aude = new ApiSession(port, "aude");
        new ApiSession(port, "lola"); // a sign-in: at least one USER_LOGGED_IN entry by lola
        JsonNode first = ApiSession.body(aude.get("/api/audit?limit=5"));
        assertThat(first.path("entries")).hasSize(5);
        long cursor = first.path("nextBefore").asLong();
        JsonNode second = ApiSession.body(aude.get("/api/audit?limit=5&before=" + cursor));
        assertThat(second.path("entries").get(0).path("seq").asLong()).isLessThan(cursor);
        List<Long> seqs = new ArrayList<>();
        first.path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
        second.path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();

        JsonNode lola = ApiSession.body(aude.get("/api/audit?actor=lola&limit=1000"));
        assertThat(lola.path("entries")).isNotEmpty();
        lola.path("entries").forEach(e -> assertThat(e.path("actor").asText()).isEqualTo("lola"));

        ApiSession.assertProblem(aude.get("/api/audit?limit=0"), 400);
        ApiSession.assertProblem(aude.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400);
        ApiSession.assertProblem(aude.get("/api/audit?from=yesterday"), 400);
    }

    @Test
    void theChainVerifiesAndAPeriodExportsAsJsonLinesAndCsvAlike() throws Exception {
        ApiSession aude = new ApiSession(port, "aude");
        JsonNode verification = ApiSession.body(aude.get("/api/audit/verification"));
        assertThat(verification.path("problems")).isEmpty();
        assertThat(verification.path("entriesChecked").asLong()).isPositive();

        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);
        Instant from = to.minus(1, ChronoUnit.DAYS);
        HttpResponse<String> jsonl = aude.get("/api/audit/export?from=" + from + "&to=" + to);
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).isNotEmpty();
        JsonNode firstEntry = ApiSession.JSON.readTree(lines.get(0));
        assertThat(firstEntry.path("hash").asText()).hasSize(64);
        for (int i = 1; i < lines.size(); i++) {
            // consecutive in the chain: each names the previous one's hash
            JsonNode previous = ApiSession.JSON.readTree(lines.get(i - 1));
            JsonNode current = ApiSession.JSON.readTree(lines.get(i));
            if (current.path("seq").asLong() == previous.path("seq").asLong() + 1) {
                assertThat(current.path("prevHash").asText()).isEqualTo(previous.path("hash").asText());
            }
        }

        HttpResponse<String> csv = aude.get("/api/audit/export?format=csv&from=" + from + "&to=" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("seq,occurred_at,actor,action,subject,outcome,details,prev_hash,hash\r\n");
        assertThat(csv.body().split("\r\n")[1]).startsWith(firstEntry.path("seq").asText() + ",");

        ApiSession.assertProblem(aude.get("/api/audit/export?from=" + from), 400);
        ApiSession.assertProblem(aude.get("/api/audit/export?format=xml&from=" + from + "&to=" + to), 400);
        ApiSession.assertProblem(new ApiSession(port, "ada").get("/api/audit/verification"), 403);
        ApiSession.assertProblem(new ApiSession(port, "lola").get("/api/audit?limit=1"), 403);
    }
}
