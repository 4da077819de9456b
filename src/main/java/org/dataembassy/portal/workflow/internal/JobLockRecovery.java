package org.dataembassy.portal.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.dataembassy.portal.shared.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Jobs a killed portal was running are taken up again as soon as it is back, not when their lock expires.
 *
 * <p>The job executor locks each job it runs for five minutes under its lock owner, which Camunda makes a random
 * id per start. A portal that dies mid-job (SIGKILL, power loss, OOM) leaves the job locked by an owner that no
 * longer exists, and the next start waits out the lock before anything of that instance moves: a replication or an
 * activation step stood still for up to five minutes after every crash. Here the lock owner is this node's own,
 * kept in {@code <data-dir>/workflow/job-lock-owner} (one per data folder, so nodes sharing a database keep distinct
 * owners), and at start-up, before the job executor runs, the jobs still locked under it are unlocked: nothing of
 * this node can be running them. Locks of other nodes are left alone. The owner is the node's {@link NodeIdentity}.
 */
@Component
class JobLockRecovery extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

    private final String lockOwner;

    JobLockRecovery(NodeIdentity node) {
        this.lockOwner = node.id();
    }

    String lockOwner() {
        return lockOwner;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(lockOwner);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = engine.getManagementService().getTableName(Job.class);
        // as Camunda's own unlocking statements do: the revision moves on, so a stale copy of the row cannot win
        String sql = "update " + table + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1"
                + " where LOCK_OWNER_ = ?";
        int released;
        try (Connection connection = configuration.getDataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, lockOwner);
            released = update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the jobs this node had locked", e);
        }
        if (released > 0) {
            log.warn("released {} job(s) this node had locked when it stopped without finishing them", released);
        }
    }
}
