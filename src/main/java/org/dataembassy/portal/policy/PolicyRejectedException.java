package org.dataembassy.portal.policy;

import java.util.List;

/**
 * A policy tree was refused (it does not compile, breaks the treaty contract, fails its tests, or OPA did not
 * activate it). Nothing was published: the previously active bundle stays active.
 */
public class PolicyRejectedException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyRejectedException(String message, List<PolicyProblem> problems) {
        super(message + (problems.isEmpty() ? "" : ": " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
