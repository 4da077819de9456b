package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.FormLogin;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's web apps are operations-only: every write Cockpit, Tasklist and the Admin app could send — complete,
 * resolve, variables, modification, start, delete, message and signal correlation, granting oneself rights — is
 * refused for ADMIN (with a real Cockpit session and Camunda's CSRF token) and for every other role, and changes
 * nothing; the operations that stay (job retries, suspend and resume) work and are audited with the real user.
 */
@PortalIntegrationTest
class CamundaWebappLockdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE = "/camunda/api/engine/engine/default/";
    private static final String APPROVE = "{\"variables\":{\"reviewApproved\":{\"value\":true,\"type\":\"Boolean\"}}}";

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    WorkTasks tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AuditTrail audit;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;

    private record Write(String method, String path, String body) {
    }

    /** A signed-in browser-like session that has opened Cockpit (so it holds Camunda's XSRF cookie). */
    private final class Session {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String user) throws Exception {
            if (user != null) {
                assertThat(FormLogin.post(http, base(), user, "embassy-demo").headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
                http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/cockpit/default/")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Camunda's web apps find their engine by name in a JVM-wide registry, where the last Spring context to start
     * wins. The suite runs several contexts (each with its own in-memory database) in one JVM, so this test points
     * the name back at the engine of its own context before it talks to the web apps.
     */
    @BeforeEach
    void webAppsUseThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void noWriteThroughCamundaSucceedsForAnyRoleAndNothingChanges() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Lockdown " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        WorkTask review = slice.awaitReviewTask("lola", request.id());
        String instance = request.processInstanceId() != null ? request.processInstanceId()
                : As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).processInstanceId();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();
        String execution = runtime.createExecutionQuery().processInstanceId(instance).list().get(0).getId();

        Session admin = new Session("ada");
        // Cockpit works for reading: the instance is there
        assertThat(admin.send("GET", ENGINE + "process-instance/" + instance, null).statusCode()).isEqualTo(200);

        List<Write> writes = writes(review.id(), instance, definition, execution);
        Map<String, Session> sessions = new LinkedHashMap<>();
        sessions.put("ADMIN", admin);
        for (String user : List.of("dora", "lola", "sam", "cora", "aude")) {
            sessions.put(user, new Session(user));
        }
        sessions.put("anonymous", new Session(null));
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        List<String> succeeded = new ArrayList<>();
        int requests = 0;
        for (var session : sessions.entrySet()) {
            for (Write write : writes) {
                HttpResponse<String> response = session.getValue().send(write.method(), write.path(), write.body());
                requests++;
                byStatus.merge(session.getKey() + " " + response.statusCode(), 1, Integer::sum);
                if (response.statusCode() < 300) {
                    succeeded.add(session.getKey() + " " + write.method() + " " + write.path() + " -> " + response.statusCode());
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/camunda-write-matrix.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("requests", requests, "succeeded", succeeded.size(), "writes", writes.size(),
                        "identities", sessions.keySet(), "byStatus", byStatus)));
        assertThat(succeeded).as("writes that succeeded").isEmpty();
        assertThat(requests).isGreaterThanOrEqualTo(150);

        // nothing changed: the task waits, the variables are untouched, no instance started or ended
        assertThat(taskService.createTaskQuery().taskId(review.id()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(instance, "reviewApproved")).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals("requestId", "forged").count()).isZero();
        assertThat(taskService.createTaskQuery().taskId("forged").count()).isZero();
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).status())
                .isEqualTo(OnboardingStatus.IN_REVIEW);
        assertThat(actions("ada")).contains("CAMUNDA_WRITE_REFUSED");
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
                .as("camunda-admin bypasses every check: only the guard that cannot sign in").containsExactly("portal-setup-guard");
    }

    @Test
    void retriesAndSuspensionStayAndAreAuditedWithTheRealUser() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Operations " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        slice.awaitReviewTask("lola", request.id());
        String instance = As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).processInstanceId();
        String timer = management.createJobQuery().processInstanceId(instance).timers().singleResult().getId();
        Session admin = new Session("ada");

        assertThat(admin.send("PUT", ENGINE + "job/" + timer + "/retries", "{\"retries\":3}").statusCode()).isEqualTo(204);
        assertThat(admin.send("PUT", ENGINE + "process-instance/" + instance + "/suspended", "{\"suspended\":true}")
                .statusCode()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).suspended().count()).isEqualTo(1);
        assertThat(admin.send("PUT", ENGINE + "process-instance/" + instance + "/suspended", "{\"suspended\":false}")
                .statusCode()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);

        List<AuditEntry> byAda = As.user("aude", "AUDITOR", () -> audit.recent(500)).stream()
                .filter(e -> e.actor().equals("ada")).toList();
        assertThat(byAda).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CAMUNDA_JOB_RETRIES_SET");
            assertThat(e.subject()).isEqualTo("job:" + timer);
            assertThat(e.outcome()).isEqualTo("SUCCESS");
        });
        assertThat(byAda.stream().filter(e -> e.action().equals("CAMUNDA_PROCESS_INSTANCE_SUSPENSION_SET")
                && e.subject().equals("process-instance:" + instance))).hasSize(2);
    }

    @Test
    void behindTheGuardTheEngineItselfRefusesTheOperatorsGroupEveryDecision() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Engine guard " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        WorkTask review = slice.awaitReviewTask("lola", request.id());
        String instance = As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).processInstanceId();
        String timer = management.createJobQuery().processInstanceId(instance).timers().singleResult().getId();
        identity.setAuthentication("ada", List.of("portal-operators"));
        try {
            List<Runnable> decisions = List.of(
                    () -> taskService.complete(review.id(), Map.of("reviewApproved", true)),
                    () -> taskService.setVariable(review.id(), "reviewApproved", true),
                    () -> taskService.claim(review.id(), "ada"),
                    () -> runtime.setVariable(instance, "policyOutcome", "ALLOW"),
                    () -> runtime.createProcessInstanceModification(instance)
                            .startBeforeActivity("Task_AcceptOnboarding").execute(),
                    () -> runtime.startProcessInstanceByKey("DatasetOnboardingProcess"),
                    () -> runtime.deleteProcessInstance(instance, "by an operator"));
            for (Runnable decision : decisions) {
                assertThatThrownBy(decision::run)
                        .isInstanceOf(AuthorizationException.class);
            }
            management.setJobRetries(timer, 3); // an operation: allowed
            runtime.suspendProcessInstanceById(instance);
            runtime.activateProcessInstanceById(instance);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().taskId(review.id()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(instance, "policyOutcome")).isEqualTo("REVIEW_REQUIRED");
    }

    private List<String> actions(String actor) {
        return As.user("aude", "AUDITOR", () -> audit.recent(500)).stream().filter(e -> e.actor().equals(actor))
                .map(AuditEntry::action).toList();
    }

    private static List<Write> writes(String task, String instance, String definition, String execution) {
        String variable = "{\"modifications\":{\"reviewApproved\":{\"value\":true,\"type\":\"Boolean\"}}}";
        String value = "{\"value\":true,\"type\":\"Boolean\"}";
        return List.of(
                new Write("POST", ENGINE + "task/" + task + "/complete", APPROVE),
                new Write("POST", ENGINE + "task/" + task + "/submit-form", APPROVE),
                new Write("POST", ENGINE + "task/" + task + "/resolve", APPROVE),
                new Write("POST", ENGINE + "task/" + task + "/variables", variable),
                new Write("PUT", ENGINE + "task/" + task + "/variables/reviewApproved", value),
                new Write("PUT", ENGINE + "task/" + task + "/localVariables/reviewApproved", value),
                new Write("POST", ENGINE + "task/" + task + "/claim", "{\"userId\":\"ada\"}"),
                new Write("POST", ENGINE + "task/" + task + "/assignee", "{\"userId\":\"ada\"}"),
                new Write("DELETE", ENGINE + "task/" + task, null),
                new Write("POST", ENGINE + "task/create", "{\"id\":\"forged\",\"name\":\"forged\"}"),
                new Write("POST", ENGINE + "process-instance/" + instance + "/variables", variable),
                new Write("PUT", ENGINE + "process-instance/" + instance + "/variables/policyOutcome",
                        "{\"value\":\"ALLOW\",\"type\":\"String\"}"),
                new Write("DELETE", ENGINE + "process-instance/" + instance + "/variables/requestId", null),
                new Write("PUT", ENGINE + "execution/" + execution + "/localVariables/reviewApproved", value),
                new Write("POST", ENGINE + "process-instance/" + instance + "/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_AcceptOnboarding\"}]}"),
                new Write("POST", ENGINE + "modification/execute", "{\"processDefinitionId\":\"" + definition
                        + "\",\"processInstanceIds\":[\"" + instance + "\"],\"instructions\":[{\"type\":\"cancel\","
                        + "\"activityId\":\"Task_LegalReview\"}]}"),
                new Write("POST", ENGINE + "process-definition/key/DatasetOnboardingProcess/start",
                        "{\"variables\":{\"requestId\":{\"value\":\"forged\",\"type\":\"String\"}}}"),
                new Write("POST", ENGINE + "process-definition/" + definition + "/start", "{}"),
                new Write("POST", ENGINE + "process-definition/" + definition + "/submit-form", "{}"),
                new Write("POST", ENGINE + "process-definition/" + definition + "/restart",
                        "{\"processInstanceIds\":[\"" + instance + "\"],\"instructions\":[]}"),
                new Write("DELETE", ENGINE + "process-instance/" + instance, null),
                new Write("POST", ENGINE + "process-instance/delete", "{\"processInstanceIds\":[\"" + instance + "\"]}"),
                new Write("POST", ENGINE + "message", "{\"messageName\":\"QuorumReached\",\"processInstanceId\":\""
                        + instance + "\"}"),
                new Write("POST", ENGINE + "signal", "{\"name\":\"anything\"}"),
                new Write("POST", ENGINE + "authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],"
                        + "\"groupId\":\"portal-operators\",\"resourceType\":7,\"resourceId\":\"*\"}"),
                new Write("POST", ENGINE + "group/camunda-admin/members/ada", null),
                new Write("PUT", ENGINE + "group/camunda-admin/members/ada", null),
                new Write("POST", "/camunda/api/admin/setup/default/user/create",
                        "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"m\",\"lastName\":\"m\"},"
                                + "\"credentials\":{\"password\":\"a-long-password-1\"}}"),
                new Write("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                        "username=ada&password=embassy-demo"));
    }
}
