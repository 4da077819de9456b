package org.dataembassy.portal.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example client of docs/api.md (scripts/api-client/nightly-transfer.py) run as a register's job would run it,
 * against the real portal with local accounts: it exits 0 and prints the COMPLETED transfer with its evidence, and
 * exits 2 with the treaty's reasons for a site the agreement does not cover.
 */
@PortalIntegrationTest
class NightlyTransferClientIT {

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning provisioning;
    @Autowired
    WorkTasks tasks;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run client(String datasetId, String site) throws Exception {
        Path out = Files.createTempFile("client", ".out");
        Path err = Files.createTempFile("client", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("python3", "scripts/api-client/nightly-transfer.py",
                    "--portal", "http://localhost:" + port, "--dataset", datasetId, "--site", site,
                    "--timeout", "90", "--poll", "0.5").redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PORTAL_USER", "dora");
            builder.environment().put("PORTAL_PASSWORD", "embassy-demo");
            builder.environment().remove("KEYCLOAK_TOKEN_URL");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the client did not end within 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theNightlyClientRequestsATransferAndPrintsItsEvidenceOrTheTreatysReasons() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(provisioning, "dora", "Population register (nightly client)", List.of("embassy-lu"));

        Run done = client(dataset.id(), "embassy-lu");
        assertThat(done.exit()).as(done.stderr()).isZero();
        JsonNode transfer = new ObjectMapper().readTree(done.stdout());
        assertThat(transfer.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(transfer.path("snapshotId").asText()).isNotBlank();
        assertThat(done.stderr()).contains("requested transfer " + transfer.path("id").asText());

        Run refused = client(dataset.id(), "embassy-mc");
        assertThat(refused.exit()).as(refused.stderr()).isEqualTo(2);
        assertThat(refused.stdout()).contains("DENIED", "SITE_NOT_COVERED");
        assertThat(refused.stdout() + refused.stderr()).doesNotContain("embassy-demo");
    }
}
