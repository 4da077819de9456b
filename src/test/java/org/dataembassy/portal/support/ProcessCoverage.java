package org.dataembassy.portal.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The coverage engine every {@code *ProcessTests} class registers: report under target/process-test-coverage. Its
 * configuration is not named {@code camunda.cfg.xml}: Camunda's static engine registry loads a file of that name
 * from the classpath whenever something looks an engine up by name, and in the integration tests Cockpit then
 * got this in-memory engine instead of the portal's.
 */
public final class ProcessCoverage {

    public static final String CONFIGURATION = "process-tests.camunda.cfg.xml";

    private ProcessCoverage() {
    }

    /** Fails the class when its runs pass through less than {@code minimum} of the model's nodes and flows. */
    public static ProcessEngineCoverageExtension assertClassCoverageAtLeast(double minimum) {
        return ProcessEngineCoverageExtension.builder()
                .configurationResource(CONFIGURATION)
                .reportDirectory("target/process-test-coverage")
                .assertClassCoverageAtLeast(minimum)
                .build();
    }
}
