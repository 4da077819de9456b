package org.dataembassy.portal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.identity.internal.CamundaApiRequests.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CamundaApiRequestsTests {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // reads, including the queries Cockpit posts
            "GET, engine/engine/default/process-instance/abc, READ",
            "GET, admin/auth/user/default, READ",
            "POST, engine/engine/default/process-instance, READ",
            "POST, engine/engine/default/process-instance/count, READ",
            "POST, engine/engine/default/history/process-instance, READ",
            "POST, engine/engine/default/task, READ",
            "POST, cockpit/plugin/base/default/process-instance/count, READ",
            "POST, admin/auth/user/default/logout, READ",
            // the operations that stay
            "PUT, engine/engine/default/job/4711/retries, OPERATION",
            "PUT, engine/engine/default/process-instance/abc-1/suspended, OPERATION",
            "PUT, engine/engine/default/process-definition/key/DatasetOnboardingProcess/suspended, OPERATION",
            "PUT, engine/engine/default/job-definition/j1/suspended, OPERATION",
            // decisions, refused
            "POST, engine/engine/default/task/t1/complete, REFUSED",
            "POST, engine/engine/default/task/t1/submit-form, REFUSED",
            "POST, engine/engine/default/task/t1/resolve, REFUSED",
            "POST, engine/engine/default/task/t1/variables, REFUSED",
            "PUT, engine/engine/default/task/t1/variables/reviewApproved, REFUSED",
            "POST, engine/engine/default/process-instance/p1/variables, REFUSED",
            "POST, engine/engine/default/process-instance/p1/modification, REFUSED",
            "POST, engine/engine/default/process-definition/key/X/start, REFUSED",
            "POST, engine/engine/default/process-definition/d1/submit-form, REFUSED",
            "DELETE, engine/engine/default/process-instance/p1, REFUSED",
            "POST, engine/engine/default/message, REFUSED",
            "POST, engine/engine/default/signal, REFUSED",
            "POST, engine/engine/default/condition, REFUSED",
            "POST, engine/engine/default/modification/execute, REFUSED",
            "POST, engine/engine/default/history/cleanup, REFUSED",
            "POST, engine/engine/default/job/retries, REFUSED",
            "POST, engine/engine/default/incident/i1/annotation, REFUSED",
            "POST, admin/auth/user/default/login/cockpit, REFUSED",
            "POST, admin/setup/default/user/create, REFUSED",
            "POST, engine/engine/default/authorization/create, REFUSED",
            "PUT, engine/engine/default/user/ada/credentials, REFUSED",
            // spellings that could reach a resource by another path
            "POST, engine/engine/default/mess%61ge, REFUSED",
            "PUT, engine/engine/default/job/4711/retries/, REFUSED",
            "PUT, engine/engine/other/job/4711/retries, REFUSED",
            "GET, engine/engine/default/task;x=1, REFUSED",
    })
    void sortsRequests(String method, String path, Kind expected) {
        assertThat(CamundaApiRequests.classify(method, path, false).kind()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"GET, engine/engine/default/task", "PUT, engine/engine/default/job/1/retries"})
    void aMethodOverrideHeaderIsRefused(String method, String path) {
        assertThat(CamundaApiRequests.classify(method, path, true).kind()).isEqualTo(Kind.REFUSED);
    }

    @ParameterizedTest
    @CsvSource({"engine/engine/default/job/4711/retries, JOB_RETRIES_SET, job:4711",
            "engine/engine/default/process-instance/abc/suspended, PROCESS_INSTANCE_SUSPENSION_SET, process-instance:abc"})
    void operationsNameWhatTheyActOn(String path, String operation, String target) {
        var classified = CamundaApiRequests.classify("PUT", path, false);
        assertThat(classified.operation()).isEqualTo(operation);
        assertThat(classified.target()).isEqualTo(target);
    }
}
