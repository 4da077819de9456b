package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dataembassy.portal.support.ApiSession.assertProblem;
import static org.dataembassy.portal.support.ApiSession.body;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "My tasks" over the API with two legal officers signed in through the real login: both see an onboarding review;
 * one claims it, the other's completion based on the earlier read gets 412 and changes nothing; the claimant's
 * completion with the page's fields moves the onboarding on; bad fields are refused by name.
 */
@PortalIntegrationTest
class TasksApiIT {

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    WorkTasks tasks;

    private static HttpResponse<String> post(ApiSession session, String path, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = session.csrf(HttpRequest.newBuilder(session.uri(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return session.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReviewTaskIsClaimedAndCompletedOverTheApiAndAStaleCompletionChangesNothing() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Tasks API " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        String taskId = slice.awaitReviewTask("lola", request.id()).id();
        ApiSession lola = new ApiSession(port, "lola");
        ApiSession leo = new ApiSession(port, "leo");

        assertThat(body(lola.get("/api/tasks")).findValuesAsText("id")).contains(taskId);
        HttpResponse<String> read = lola.get("/api/tasks/" + taskId);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(body(read).path("formRoute").asText()).isEqualTo("datasets/review");

        HttpResponse<String> claimed = post(leo, "/api/tasks/" + taskId + "/claim", etag, "");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(body(claimed).path("assignee").asText()).isEqualTo("leo");

        HttpResponse<String> stale = post(lola, "/api/tasks/" + taskId + "/complete", etag,
                "{\"approve\": false, \"comment\": \"on an old read\"}");
        assertProblem(stale, 412);
        assertThat(leo.get("/api/tasks/" + taskId).statusCode()).as("the task is still open, leo's").isEqualTo(200);

        HttpResponse<String> bad = post(leo, "/api/tasks/" + taskId + "/complete", null, "{\"approve\": \"yes\", \"extra\": 1}");
        assertProblem(bad, 400);
        assertThat(body(bad).path("errors").has("approve")).isTrue();
        assertThat(body(bad).path("errors").has("extra")).isTrue();

        HttpResponse<String> done = post(leo, "/api/tasks/" + taskId + "/complete",
                claimed.headers().firstValue("ETag").orElseThrow(), "{\"approve\": true, \"comment\": \"Art. 3 allows it\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(slice.awaitStatus("dora", request.id(), OnboardingStatus.ACCEPTED).reviewedBy()).isEqualTo("leo");
        assertProblem(lola.get("/api/tasks/" + taskId), 404);
        assertProblem(post(lola, "/api/tasks/no-such/complete", null, "{\"approve\": true}"), 404);
    }
}
