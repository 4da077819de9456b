package org.dataembassy.portal.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Hikari reported a connection held past {@code leak-detection-threshold} while it ran
 * (the tests' threshold is in application-test.yml). Listens on Hikari's leak logger; attached before every test
 * because Spring Boot resets the logging configuration when a context starts.
 */
public final class ConnectionLeakCheck implements BeforeEachCallback, AfterAllCallback {

    private static final String LEAK_LOGGER = "com.zaxxer.hikari.pool.ProxyLeakTask";
    private static final LeakAppender APPENDER = new LeakAppender();

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger logger = (Logger) LoggerFactory.getLogger(LEAK_LOGGER);
        if (logger.getAppender(LeakAppender.NAME) == null) {
            APPENDER.setContext(logger.getLoggerContext());
            APPENDER.start();
            logger.addAppender(APPENDER);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = APPENDER.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " connection(s) held past the leak-detection threshold during "
                    + context.getDisplayName() + ":\n" + String.join("\n\n", leaks));
        }
    }

    private static final class LeakAppender extends AppenderBase<ILoggingEvent> {

        static final String NAME = "connection-leak-check";
        private final List<String> leaks = new ArrayList<>();

        LeakAppender() {
            setName(NAME);
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (event.getFormattedMessage().contains("leak detection triggered")) {
                StringBuilder text = new StringBuilder(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    for (var frame : event.getThrowableProxy().getStackTraceElementProxyArray()) {
                        text.append("\n  at ").append(frame.getStackTraceElement());
                    }
                }
                leaks.add(text.toString());
            }
        }

        synchronized List<String> drain() {
            List<String> found = List.copyOf(leaks);
            leaks.clear();
            return found;
        }
    }
}
