package org.dataembassy.portal.workflow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * this node can be running them. Locks of other nodes are left alone.
 */
@Component
class JobLockRecovery extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);
    private static final Pattern OWNER = Pattern.compile("[0-9a-f-]{36}");

    private final String lockOwner;

    JobLockRecovery(@Value("${dataembassy.data-dir}") String dataDir) {
        this.lockOwner = lockOwner(Path.of(dataDir).toAbsolutePath().normalize().resolve("workflow/job-lock-owner"));
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

    /** This node's lock owner: read from {@code file}, created there with a fresh id the first time. */
    static String lockOwner(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(Files.createFile(file), UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // written meanwhile: use that one
                }
            }
            String owner = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!OWNER.matcher(owner).matches()) {
                throw new IllegalStateException(file + " does not hold a job lock owner id (a UUID): delete it to "
                        + "have a new one made");
            }
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the job lock owner " + file, e);
        }
    }
}
