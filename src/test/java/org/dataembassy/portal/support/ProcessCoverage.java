package org.dataembassy.portal.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The coverage engine every {@code *ProcessTests} class registers: report under target/process-test-coverage. */
public final class ProcessCoverage {

    private ProcessCoverage() {
    }

    /** Fails the class when its runs pass through less than {@code minimum} of the model's nodes and flows. */
    public static ProcessEngineCoverageExtension assertClassCoverageAtLeast(double minimum) {
        return ProcessEngineCoverageExtension.builder()
                .reportDirectory("target/process-test-coverage")
                .assertClassCoverageAtLeast(minimum)
                .build();
    }
}
