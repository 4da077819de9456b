package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.activation.KeyCeremonies;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The committee's journey in headless Chromium: after a key ceremony, cora triggers (a bad form first: the error
 * shows beside the field and nothing starts), cade and cleo approve with their key shares — 3 of 5 with the
 * trigger — and ACTIVE shows on the activation and in every page's header; then cleo asks to stand down, cyrus
 * and celia approve, and STOOD_DOWN shows.
 */
class ActivationBrowserIT extends BrowserTest {

    @Autowired
    EmergencyActivations activations;
    @Autowired
    KeyCeremonies ceremonies;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning datasetProvisioning;
    @Autowired
    WorkTasks tasks;

    private void signInAs(String member) {
        browser.login(member, PASSWORD);
        browser.await(By.id("main-nav"));
    }

    private void approveAs(String member, String activationId, String share) {
        signInAs(member);
        browser.open("activation/detail/" + activationId);
        if (share != null) {
            browser.type("key-share", share);
        }
        browser.click("approve");
        browser.waitUntil(d -> d.findElement(By.id("my-vote")).getText().startsWith("You approved"));
        browser.logout();
    }

    private EmergencyActivation find(String id) {
        return As.user("aude", "AUDITOR", () -> activations.find(id));
    }

    @Test
    void theCommitteeActivatesWithThreeOfFiveAndStandsDown() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(datasetProvisioning, "dora", "Population register " + System.nanoTime(), List.of("embassy-lu"));
        Map<String, String> shares = new LinkedHashMap<>();
        As.user("sam", "SECURITY_OFFICER", () -> ceremonies.perform(3)).forEach(h -> shares.put(h.member(), h.share()));
        int before = As.user("aude", "AUDITOR", () -> activations.recent()).size();

        signInAs("cora");
        browser.open("activation");
        browser.choose("activation-agreement", "ee_lu");
        browser.choose("activation-site", "embassy-lu");
        browser.choose("emergency-type", "CYBER_ATTACK");
        browser.type("trigger-key-share", shares.get("cora"));
        browser.click("trigger-activation");
        assertThat(browser.errorOf("justification")).startsWith("Say why the embassy must be activated");
        assertThat(As.user("aude", "AUDITOR", () -> activations.recent())).hasSize(before);

        browser.type("justification", "Government data centres unreachable after a coordinated attack");
        browser.await(By.xpath("//*[@id='declarations']//vaadin-checkbox//label[normalize-space()='CRISIS_DECLARED']")).click();
        browser.await(By.xpath("//*[@id='declarations']//vaadin-checkbox//label[normalize-space()='PRIMARY_SITES_UNAVAILABLE']")).click();
        browser.await(By.xpath("//*[@id='activation-datasets']//vaadin-checkbox//label[normalize-space()='" + dataset.name() + "']")).click();
        browser.type("trigger-key-share", shares.get("cora"));
        browser.click("trigger-activation");
        await().atMost(Duration.ofSeconds(20)).until(() -> As.user("aude", "AUDITOR", () -> activations.recent()).size() > before);
        EmergencyActivation triggered = As.user("aude", "AUDITOR", () -> activations.recent()).stream()
                .filter(a -> a.triggeredBy().equals("cora") && a.datasets().stream().anyMatch(d -> d.datasetId().equals(dataset.id())))
                .max(Comparator.comparing(EmergencyActivation::triggeredAt)).orElseThrow();
        String id = triggered.id();
        browser.waitUntil(d -> d.findElement(By.id("activation-status-" + id)).getText().equals("VOTING"));
        browser.logout();

        approveAs("cade", id, shares.get("cade"));
        assertThat(find(id).status()).isEqualTo(ActivationStatus.VOTING);
        approveAs("cleo", id, shares.get("cleo"));

        signInAs("cleo");
        browser.open("activation/detail/" + id);
        browser.waitUntil(d -> d.findElement(By.id("activation-status")).getText().equals("ACTIVE"));
        assertThat(browser.await(By.id("activation-datasets")).getText()).contains("served read-only at");
        browser.open("");
        browser.waitUntil(d -> d.findElement(By.id("shell-notices")).getText().contains("ACTIVE: emergency activation at embassy-lu"));
        browser.open("activation/detail/" + id);
        browser.type("stand-down-reason", "Primary sites restored and verified");
        browser.click("request-stand-down");
        browser.waitUntil(d -> d.findElement(By.id("activation-status")).getText().equals("STANDING_DOWN"));
        browser.await(By.id("my-vote"));
        browser.logout();

        approveAs("cyrus", id, null);
        approveAs("celia", id, null);

        signInAs("cora");
        browser.open("activation");
        browser.waitUntil(d -> d.findElement(By.id("activation-status-" + id)).getText().equals("STOOD_DOWN"));
        assertThat(find(id).datasets()).allSatisfy(d -> assertThat(d.servingPath()).isNull());
    }
}
