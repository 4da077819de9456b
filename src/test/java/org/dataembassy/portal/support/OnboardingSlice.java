package org.dataembassy.portal.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingApplication;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.datasets.Register;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;

/** Drives the onboarding slice through the services, as the UI does. */
public record OnboardingSlice(DatasetOnboarding onboarding, WorkTasks tasks) {

    public static OnboardingApplication application(String name, Classification classification, boolean personalData) {
        return new OnboardingApplication(name, "Ministry of the Interior", "Population Register Act § 12",
                classification, personalData, Register.NONE, "ee_lu", 40);
    }

    public OnboardingRequest submit(String owner, OnboardingApplication application) {
        return As.user(owner, "DATA_OWNER", () -> onboarding.request(application));
    }

    public OnboardingRequest awaitStatus(String owner, String requestId, OnboardingStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> As.user(owner, "DATA_OWNER", () -> onboarding.find(requestId)).status() == status);
        return As.user(owner, "DATA_OWNER", () -> onboarding.find(requestId));
    }

    /**
     * A dataset taken all the way to ACTIVE: submitted by {@code owner}, accepted by the rules, keys approved by the
     * security officer {@code sam} for a small source tree under the first source root, replicated to {@code sites}.
     */
    public OnboardingRequest activeDataset(DatasetProvisioning activation, String owner,
                                           String name, List<String> sites) throws IOException {
        OnboardingRequest request = submit(owner, application(name, Classification.INTERNAL, false));
        WorkTask keys = awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("src-" + UUID.randomUUID()));
        Files.writeString(source.resolve("register.csv"), "id;name;seat\n".repeat(3000));
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(), sites, ""));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> As.user(owner, "DATA_OWNER", () -> onboarding.find(request.id())).status() == OnboardingStatus.ACTIVE);
        return As.user(owner, "DATA_OWNER", () -> onboarding.find(request.id()));
    }

    public WorkTask awaitReviewTask(String officer, String requestId) {
        return awaitTask(officer, "LEGAL_OFFICER", requestId);
    }

    /** The open task about this request offered to {@code officer} with {@code role}. */
    public WorkTask awaitTask(String officer, String role, String requestId) {
        String key = OnboardingRequest.subject(requestId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> As.user(officer, role, () -> tasks.mine()).stream().anyMatch(t -> key.equals(t.businessKey())));
        return As.user(officer, role, () -> tasks.mine()).stream()
                .filter(t -> key.equals(t.businessKey())).findFirst().orElseThrow();
    }
}
