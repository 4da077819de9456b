package org.dataembassy.portal.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Five committee members vote at the same instant from five threads (the trigger again among them): the row
 * lock counts them one at a time, so exactly M approvals are accepted, the rest are refused, the process takes
 * exactly one QuorumReached and the embassy is activated exactly once. The same for the stand-down.
 */
@PortalIntegrationTest
class ActivationQuorumConcurrencyIT {

    @Autowired
    EmergencyActivations activations;
    @Autowired
    CommitteeVotes votes;
    @Autowired
    KeyCeremonies ceremonies;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning datasetProvisioning;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;
    @Autowired
    HistoryService history;

    /** Each member's outcome: "accepted" or the refusal's message. */
    private List<String> voteAtOnce(String activationId, Map<String, String> voters) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(voters.size());
        CountDownLatch ready = new CountDownLatch(voters.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (Map.Entry<String, String> voter : voters.entrySet()) {
                Callable<String> vote = () -> As.user(voter.getKey(), "EMERGENCY_COMMITTEE", () -> {
                    ready.countDown();
                    try {
                        go.await();
                        votes.vote(activationId, true, voter.getValue());
                        return voter.getKey() + ": accepted";
                    } catch (InvalidInputException e) {
                        return voter.getKey() + ": " + e.fieldErrors().get("vote");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return voter.getKey() + ": interrupted";
                    }
                });
                results.add(pool.submit(vote));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(EmergencyActivation a, String action) {
        return As.user("aude", "AUDITOR", () -> audit.forSubject(a.subject())).stream()
                .map(AuditEntry::action).filter(action::equals).count();
    }

    private long passed(EmergencyActivation a, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(a.processInstanceId())
                .activityId(activityId).count();
    }

    @Test
    void fiveSimultaneousVotesProduceExactlyOneQuorumAndOneActivationAndLikewiseOneStandDown() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(datasetProvisioning, "dora", "Population register", List.of("embassy-lu"));
        ActivationTestSupport c = new ActivationTestSupport(activations, votes, ceremonies);
        Map<String, String> shares = c.ceremony();
        EmergencyActivation a = c.trigger("cora", List.of(dataset.id()), false, shares.get("cora"));
        c.awaitStatus(a.id(), ActivationStatus.VOTING);

        List<String> outcomes = voteAtOnce(a.id(), shares); // cora (the trigger) votes again among them

        assertThat(outcomes.stream().filter(o -> o.endsWith(": accepted"))).hasSize(2);
        assertThat(outcomes).doesNotContain("cora: accepted"); // already voted, or the vote closed before her turn
        assertThat(outcomes.stream().filter(o -> o.contains("No vote is open") || o.contains("already voted"))).hasSize(3);
        EmergencyActivation active = c.awaitStatus(a.id(), ActivationStatus.ACTIVE);
        assertThat(active.votes(VoteKind.ACTIVATE, 0)).hasSize(3);
        assertThat(passed(active, "Event_QuorumReached")).isEqualTo(1);
        assertThat(passed(active, "Task_RestoreForService")).isEqualTo(1);
        assertThat(count(active, "QUORUM_REACHED")).isEqualTo(1);
        assertThat(count(active, "ACTIVATION_ACTIVE")).isEqualTo(1);
        assertThat(count(active, "DATASET_RESTORED")).isEqualTo(1);

        As.run("cora", "EMERGENCY_COMMITTEE", () -> votes.requestStandDown(a.id(), "The primary sites are back in service"));
        List<String> standDown = voteAtOnce(a.id(), Map.of("cade", "", "cleo", "", "cyrus", "", "celia", ""));

        assertThat(standDown.stream().filter(o -> o.endsWith(": accepted"))).hasSize(2);
        EmergencyActivation stoodDown = c.awaitStatus(a.id(), ActivationStatus.STOOD_DOWN);
        assertThat(stoodDown.votes(VoteKind.STAND_DOWN, 1)).hasSize(3);
        assertThat(passed(stoodDown, "Event_StandDownReached")).isEqualTo(1);
        assertThat(count(stoodDown, "STAND_DOWN_QUORUM_REACHED")).isEqualTo(1);
        assertThat(count(stoodDown, "ACTIVATION_STOOD_DOWN")).isEqualTo(1);
    }
}
