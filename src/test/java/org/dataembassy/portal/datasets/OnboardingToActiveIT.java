package org.dataembassy.portal.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Onboarding to the end with the real components: the treaty rules (real OPA) accept, a security officer
 * approves keys, folder and sites (a site the agreement does not cover is refused by the transfer rules), the
 * workflow (real Camunda job executor) replicates with the real engine, scrubs, and the dataset becomes ACTIVE.
 */
@PortalIntegrationTest
class OnboardingToActiveIT {

    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;

    @Test
    void anAcceptedDatasetIsReplicatedVerifiedAndActive() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Land register extract",
                Classification.INTERNAL, false));
        slice.awaitStatus("dora", request.id(), OnboardingStatus.ACCEPTED);
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        assertThat(keys.formRoute()).isEqualTo("datasets/keys");

        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("land-" + UUID.randomUUID()));
        Files.writeString(source.resolve("parcels.csv"), "parcel;owner;area\n".repeat(2000));
        Files.createDirectories(source.resolve("maps"));
        Files.write(source.resolve("maps/tile-1.bin"), new byte[70_000]);

        assertThatThrownBy(() -> As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true,
                "/etc", List.of("embassy-lu", "home-ee"), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("sourceFolder")).startsWith("Must lie under");
                    assertThat(e.fieldErrors().get("sites")).contains("'home-ee' is not an embassy site");
                });
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).keysApprovedBy()).isNull();

        assertThatThrownBy(() -> As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true,
                source.toString(), List.of("embassy-lu", "embassy-mc"), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("sites"))
                        .isEqualTo("The treaty rules do not allow embassy-mc: SITE_NOT_COVERED (ee-lu Annex 1)"));
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(),
                List.of("embassy-lu"), "checked with the registry"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).status() == OnboardingStatus.ACTIVE);
        OnboardingRequest active = As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id()));
        assertThat(active.keysApprovedBy()).isEqualTo("sam");
        assertThat(active.targetSites()).containsExactly("embassy-lu");

        List<SiteStatus> replicas = As.user("dora", "DATA_OWNER", () -> activation.replicas(request.id()));
        assertThat(replicas).filteredOn(s -> active.targetSites().contains(s.site())).hasSize(1).allSatisfy(s -> {
            assertThat(s.lastVerifiedSnapshot()).isNotBlank();
            assertThat(s.storedBytes()).isPositive();
        });
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(request.subject())))
                .extracting(e -> e.action() + ":" + e.outcome())
                .containsSubsequence("POLICY_DECISION:ALLOW", "ONBOARDING_COMPLETED:ACCEPTED",
                        "DATASET_KEYS_DECIDED:APPROVED", "ONBOARDING_COMPLETED:ACTIVE");
    }

    @Test
    void theOwnersWishesAreKeptAndAWrongSiteIsRefusedByField() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingApplication wishes = new OnboardingApplication("Court register", "Ministry of Justice",
                "Courts Act § 4", Classification.INTERNAL, false, Register.NONE, "ee_lu",
                5, List.of("embassy-lu"), 6);
        OnboardingRequest request = slice.submit("dora", wishes);
        assertThat(request.wantedSites()).containsExactly("embassy-lu");
        assertThat(request.recoveryPointHours()).isEqualTo(6);
        assertThat(OnboardingSlice.application("Defaults", Classification.INTERNAL, false).recoveryPointHours())
                .isEqualTo(OnboardingApplication.DEFAULT_RECOVERY_POINT_HOURS);

        int before = As.user("dora", "DATA_OWNER", () -> onboarding.myRequests()).size();
        OnboardingApplication wrong = new OnboardingApplication("Court register 2", "Ministry of Justice",
                "Courts Act § 4", Classification.INTERNAL, false, Register.NONE, "ee_lu",
                5, List.of("home-ee"), 0);
        assertThatThrownBy(() -> slice.submit("dora", wrong))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("embassySites")).startsWith("'home-ee' is not an embassy site");
                    assertThat(e.fieldErrors()).containsEntry("recoveryPointHours", "At least 1 hour");
                });
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.myRequests())).hasSize(before);
    }

    @Test
    void refusedKeysRejectTheRequestWithTheOfficersReason() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Fishing licences",
                Classification.INTERNAL, false));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        assertThatThrownBy(() -> As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), false,
                null, null, " "))).isInstanceOf(InvalidInputException.class);
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), false, null, null,
                "the source system is being migrated"));
        OnboardingRequest done = slice.awaitStatus("dora", request.id(), OnboardingStatus.REJECTED);
        assertThat(done.keysComment()).isEqualTo("the source system is being migrated");
        assertThat(done.keysRefusedBy()).isEqualTo("sam");
        assertThat(done.reviewedBy()).as("the legal review is not overwritten").isNull();
        assertThat(done.targetSites()).isEmpty();
    }

    @Test
    void aSourceThatLeavesTheRootsThroughASymlinkOrIsNotAPathIsRefusedBesideTheField() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Linked " + UUID.randomUUID(),
                Classification.INTERNAL, false));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path outside = Files.createDirectories(Files.createTempDirectory("outside-roots").resolve("etc"));
        Files.writeString(outside.resolve("shadow"), "not for export");
        Path link = root.resolve("x-" + UUID.randomUUID());
        Files.createSymbolicLink(link, outside.getParent());
        for (String folder : List.of(link.resolve("etc").toString(), link.toString(), root + "/a\u0000b", "/etc")) {
            assertThatThrownBy(() -> As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true,
                    folder, List.of("embassy-lu"), ""))).as(folder)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                            .containsKey("sourceFolder"));
        }
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).keysApprovedBy()).isNull();
        assertThat(slice.awaitTask("sam", "SECURITY_OFFICER", request.id()).id()).isEqualTo(keys.id());
    }

    @Test
    void nobodyApprovesTheKeysOfTheirOwnRequest() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = As.user("sid", "DATA_OWNER,SECURITY_OFFICER", () -> onboarding.request(
                OnboardingSlice.application("Own keys " + UUID.randomUUID(), Classification.INTERNAL, false)));
        WorkTask keys = slice.awaitTask("sid", "SECURITY_OFFICER", request.id());
        assertThatThrownBy(() -> As.run("sid", "DATA_OWNER,SECURITY_OFFICER", () -> activation.decideKeys(keys.id(),
                false, null, null, "my own request"))).isInstanceOfSatisfying(
                AccessRefusedException.class,
                e -> assertThat(e.decision().refusedFor("FOUR_EYES")).isTrue());
    }
}
