package org.dataembassy.portal.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's clock for decisions about time — the date a treaty decision is taken at, the age of a recovery
 * point, when a review or a notice is due. One bean, so a test can move the portal's time (with Camunda's, whose
 * timers and due dates follow its own {@code ClockUtil}) and see timers, due dates, ages and validity windows behave
 * as the clock says. Record-keeping timestamps (audit entries, row updates) stay on the system clock.
 */
@Configuration
public class PortalClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
