package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
 * The data owner's journey in headless Chromium until the dataset is active and replicated: the owner
 * requests, the rules accept, a security officer approves keys, folder and embassy sites in the task form,
 * and the owner watches the request become ACTIVE with each site's verified snapshot.
 */
class DatasetActivationBrowserIT extends BrowserTest {

    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    WorkTasks tasks;

    @Test
    void aDataOwnersDatasetBecomesActiveAndReplicated() throws Exception {
        String dataset = "Business register " + System.nanoTime();
        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets/onboard");
        browser.type("name", dataset);
        browser.type("owning-agency", "Centre of Registers");
        browser.type("legal-basis", "Commercial Code § 28");
        browser.choose("classification", "INTERNAL");
        browser.type("size-estimate", "1");
        browser.click("submit");
        browser.awaitText(dataset);
        OnboardingRequest request = As.user("dora", "DATA_OWNER", () -> onboarding.myRequests()).stream()
                .filter(r -> r.name().equals(dataset)).findFirst().orElseThrow();
        browser.waitUntil(d -> "ACCEPTED".equals(d.findElement(By.id("status-" + request.id())).getText()));
        browser.logout();

        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("business-" + UUID.randomUUID()));
        Files.writeString(source.resolve("companies.csv"), "code;name;seat\n".repeat(5000));
        String taskId = new OnboardingSlice(onboarding, tasks).awaitTask("sam", "SECURITY_OFFICER", request.id()).id();

        browser.login("sam", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("tasks");
        browser.awaitText("Approve keys and embassy sites");
        browser.open("datasets/keys/" + taskId);
        browser.awaitText("Keys and sites: " + dataset);
        browser.click("approve-keys");
        assertThat(browser.errorOf("source-folder")).isEqualTo("Give the folder to replicate");
        browser.type("source-folder", source.toString());
        browser.await(By.xpath("//*[@id='embassy-sites']//vaadin-checkbox//label[starts-with(normalize-space(), 'embassy-lu')]")).click();
        browser.click("approve-keys");
        browser.await(By.id("tasks"));
        browser.logout();

        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets");
        browser.waitUntil(d -> "ACTIVE".equals(d.findElement(By.id("status-" + request.id())).getText()));
        browser.waitUntil(d -> d.findElement(By.id("replicas-" + request.id())).getText()
                .startsWith("embassy-lu: verified snapshot"));
    }
}
