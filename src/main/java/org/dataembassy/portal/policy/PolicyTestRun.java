package org.dataembassy.portal.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@code opa test --coverage} over a policy tree.
 *
 * @param results  every test that ran, in OPA's order
 * @param coverage per file, the lines evaluation reached and did not reach
 * @param problems compile errors that stopped the run (then {@code results} is empty)
 */
public record PolicyTestRun(List<PolicyTestResult> results, Map<String, LineCoverage> coverage,
                            List<PolicyProblem> problems) {

    public PolicyTestRun {
        results = List.copyOf(results);
        coverage = Map.copyOf(coverage);
        problems = List.copyOf(problems);
    }

    /** Lines of one file a test run reached ({@code covered}) and did not reach. */
    public record LineCoverage(Set<Integer> covered, Set<Integer> notCovered) {
        public LineCoverage {
            covered = Set.copyOf(covered);
            notCovered = Set.copyOf(notCovered);
        }
    }

    /** True when the tree compiled, at least one test ran and every test passed. */
    public boolean passed() {
        return problems.isEmpty() && !results.isEmpty() && results.stream().allMatch(PolicyTestResult::passed);
    }

    public List<PolicyTestResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
