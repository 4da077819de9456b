package org.dataembassy.portal.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.dataembassy.portal.shared.NodeIdentity;
import org.dataembassy.portal.shared.PortalProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted node unlocks the jobs its killed predecessor held, and only those. */
class JobLockRecoveryTests {

    @TempDir
    Path dataDir;

    @Test
    void theLockOwnerIsKeptInTheDataFolderAndReused() throws Exception {
        String first = new JobLockRecovery(new NodeIdentity(new PortalProperties(dataDir))).lockOwner();
        assertThat(new JobLockRecovery(new NodeIdentity(new PortalProperties(dataDir))).lockOwner()).isEqualTo(first);
        assertThat(Files.readString(dataDir.resolve("workflow/job-lock-owner")).strip()).isEqualTo(first);
        assertThat(new JobLockRecovery(new NodeIdentity(new PortalProperties(Files.createDirectories(dataDir.resolve("other"))))).lockOwner())
                .isNotEqualTo(first);
    }

    @Test
    void aRestartUnlocksTheJobsThisNodeHeldAndLeavesOtherNodesLocks() {
        String db = "jdbc:h2:mem:job-lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JobLockRecovery recovery = new JobLockRecovery(new NodeIdentity(new PortalProperties(dataDir)));
        String mine;
        String theirs;
        ProcessEngine before = engine(db, recovery);
        try {
            assertThat(before.getProcessEngineConfiguration()).extracting(c -> ((ProcessEngineConfigurationImpl) c)
                    .getJobExecutor().getLockOwner()).isEqualTo(recovery.lockOwner());
            before.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait")
                    .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore()
                    .camundaExpression("${true}").endEvent().done()).deploy();
            before.getRuntimeService().startProcessInstanceByKey("wait");
            before.getRuntimeService().startProcessInstanceByKey("wait");
            List<Job> jobs = before.getManagementService().createJobQuery().list();
            assertThat(jobs).hasSize(2);
            mine = jobs.get(0).getId();
            theirs = jobs.get(1).getId();
            lock(before, mine, recovery.lockOwner());
            lock(before, theirs, "another-node");
        } finally {
            before.close(); // the job executor never ran: the locks stay as a killed node left them
        }
        ProcessEngine after = engine(db, new JobLockRecovery(new NodeIdentity(new PortalProperties(dataDir))));
        try {
            assertThat(lockOwner(after, mine)).isNull();
            assertThat(lockOwner(after, theirs)).isEqualTo("another-node");
        } finally {
            after.close();
        }
    }

    private static ProcessEngine engine(String url, JobLockRecovery recovery) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setProcessEngineName("job-lock-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(List.of(recovery));
        return configuration.buildProcessEngine();
    }

    private static void lock(ProcessEngine engine, String jobId, String owner) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    JobEntity job = context.getJobManager().findJobById(jobId);
                    job.setLockOwner(owner);
                    job.setLockExpirationTime(new Date(System.currentTimeMillis() + 300_000));
                    return null;
                });
    }

    private static String lockOwner(ProcessEngine engine, String jobId) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findJobById(jobId).getLockOwner());
    }
}
