package org.dataembassy.portal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: a fresh headless Chromium per test against the running portal, closed after the
 * test with a screenshot in target/screenshots named after the test.
 */
@PortalIntegrationTest
public abstract class BrowserTest {

    /** Password of every demo account (README). */
    public static final String PASSWORD = "embassy-demo";

    @LocalServerPort
    protected int port;
    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser(TestInfo info) {
        browser.screenshot(getClass().getSimpleName() + "-" + info.getDisplayName().replaceAll("\\W+", "_"));
        browser.close();
    }
}
