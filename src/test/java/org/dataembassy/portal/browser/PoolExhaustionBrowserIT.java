package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outage of issue 12: every build of the Emergency activation page streamed a JDBC query without closing it and
 * kept a pooled connection, so ten openings stopped every login. Fifty openings later, the pool has every
 * connection back and another person signs in.
 */
class PoolExhaustionBrowserIT extends BrowserTest {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void fiftyOpeningsOfTheActivationPageLeaveThePoolWholeAndTheNextPersonSignsIn() {
        browser.signIn("cora", PASSWORD);
        for (int i = 0; i < 50; i++) {
            browser.open("activation");
            browser.await(By.id("main-nav"));
        }
        int total = dataSource.getHikariPoolMXBean().getTotalConnections();
        browser.waitUntil(d -> dataSource.getHikariPoolMXBean().getActiveConnections() <= 1);
        assertThat(dataSource.getHikariPoolMXBean().getThreadsAwaitingConnection()).isZero();
        browser.logout();
        browser.login("lola", PASSWORD);
        assertThat(browser.await(By.id("main-nav")).isDisplayed()).isTrue();
        assertThat(total).isLessThanOrEqualTo(dataSource.getMaximumPoolSize());
    }
}
