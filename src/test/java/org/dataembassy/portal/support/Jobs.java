package org.dataembassy.portal.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Lets a failing step use up its real retries without waiting out the model's retry interval (R5/PT30S): each
 * time the job has failed and waits for its next try, its due date is moved to now. The retries, the failures and
 * the incident are the engine's own.
 */
public final class Jobs {

    private Jobs() {
    }

    /** Waits until {@code done} holds, hurrying every retry of the instance's failed jobs meanwhile. */
    public static void until(ManagementService management, String instance, Duration atMost,
                             Callable<Boolean> done) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            hurry(management, instance);
            return done.call();
        });
    }

    private static void hurry(ManagementService management, String instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance).withException().list()) {
            if (job.getRetries() > 0 && job.getDuedate() != null && job.getDuedate().after(new Date())) {
                try {
                    management.setJobDuedate(job.getId(), new Date());
                } catch (RuntimeException runningNow) {
                    // the executor picked it up meanwhile: the next poll sees its new state
                }
            }
        }
    }

    /** Waits until the instance has an incident, hurrying every retry; returns it. */
    public static Incident untilIncident(RuntimeService runtime, ManagementService management, String instance,
                                         Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (runtime.createIncidentQuery().processInstanceId(instance).count() > 0) {
                return true;
            }
            hurry(management, instance);
            return false;
        });
        return runtime.createIncidentQuery().processInstanceId(instance).list().get(0);
    }
}
