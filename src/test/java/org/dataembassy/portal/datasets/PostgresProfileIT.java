package org.dataembassy.portal.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production database profile against a real PostgreSQL on loopback, which scripts/postgres.sh installs
 * (Debian package) and starts in the tool cache; the database is recreated for each run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PostgresProfileIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        Process reset = new ProcessBuilder("scripts/postgres.sh", "reset").redirectErrorStream(true).start();
        String out = new String(reset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (reset.waitFor() != 0) {
            throw new IllegalStateException("could not start PostgreSQL via scripts/postgres.sh: " + out);
        }
        String url = out.lines().reduce((a, b) -> b).orElseThrow();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "dataembassy");
        registry.add("spring.datasource.password", () -> "");
        registry.add("dataembassy.identity.demo-accounts", () -> "false");
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;

    @Test
    void runsTheOnboardingSliceOnPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        var slice = new OnboardingSlice(onboarding, tasks);
        var request = slice.submit("dora", OnboardingSlice.application("Business register", Classification.RESTRICTED, true));
        var task = slice.awaitReviewTask("lola", request.id());
        As.run("lola", "LEGAL_OFFICER", () -> onboarding.review(task.id(), true, "Covered by the agreement"));
        assertThat(slice.awaitStatus("dora", request.id(), OnboardingStatus.ACCEPTED).reviewedBy()).isEqualTo("lola");

        var verification = As.user("aude", "AUDITOR", () -> audit.verify());
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(6);
    }
}
