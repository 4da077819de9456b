package org.dataembassy.portal.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a register's nightly job does over the API, signed in through the real login: request a transfer of an ACTIVE
 * dataset, poll it until COMPLETED and read the evidence; the treaty refuses a site the agreement does not cover;
 * bad input is refused by field and changes nothing; officers read everyone's transfers.
 */
@PortalIntegrationTest
class TransfersApiIT {

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning provisioning;
    @Autowired
    WorkTasks tasks;

    private JsonNode awaitStatus(ApiSession session, String id, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(ApiSession.body(session.get("/api/transfers/" + id)));
            return status.equals(last.get().path("status").asText());
        });
        return last.get();
    }

    @Test
    void aRegistersJobRequestsATransferAndFollowsItToItsEvidence() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(provisioning, "dora", "Business register (API)", List.of("embassy-lu"));
        ApiSession dora = new ApiSession(port, "dora");

        HttpResponse<String> created = dora.post("/api/transfers",
                "{\"datasetId\":\"" + dataset.id() + "\",\"site\":\"embassy-lu\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = ApiSession.body(created).path("id").asText();
        JsonNode done = awaitStatus(dora, id, "COMPLETED");
        assertThat(done.path("snapshotId").asText()).isNotBlank();
        assertThat(done.path("bytesSent").isNumber()).isTrue();
        assertThat(ApiSession.body(dora.get("/api/transfers")).findValuesAsText("id")).contains(id);

        String uncovered = ApiSession.body(dora.post("/api/transfers",
                "{\"datasetId\":\"" + dataset.id() + "\",\"site\":\"embassy-mc\"}")).path("id").asText();
        JsonNode denied = awaitStatus(dora, uncovered, "DENIED");
        assertThat(denied.path("decisionReasons").toString()).contains("SITE_NOT_COVERED");

        ApiSession sam = new ApiSession(port, "sam");
        assertThat(ApiSession.body(sam.get("/api/transfers")).findValuesAsText("id")).contains(id, uncovered);
        assertThat(ApiSession.body(sam.get("/api/transfers/" + id)).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void badInputIsRefusedByFieldAndUnknownTransfersAreNotFound() throws Exception {
        ApiSession dora = new ApiSession(port, "dora");
        HttpResponse<String> unknown = dora.post("/api/transfers", "{\"datasetId\":\"no-such\",\"site\":\"embassy-lu\"}");
        ApiSession.assertProblem(unknown, 400);
        assertThat(ApiSession.body(unknown).path("errors").has("dataset")).isTrue();
        ApiSession.assertProblem(dora.post("/api/transfers", "{\"datasetId\":\"x\",\"site\":\"embassy-lu\",\"extra\":1}"), 400);
        ApiSession.assertProblem(dora.get("/api/transfers/no-such"), 404);
        HttpResponse<String> noCsrf = dora.http.send(HttpRequest.newBuilder(dora.uri("/api/transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"datasetId\":\"x\",\"site\":\"embassy-lu\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        ApiSession.assertProblem(noCsrf, 403);
        ApiSession.assertProblem(new ApiSession(port, "lola").post("/api/transfers",
                "{\"datasetId\":\"x\",\"site\":\"embassy-lu\"}"), 403);
    }
}
