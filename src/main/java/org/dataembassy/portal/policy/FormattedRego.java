package org.dataembassy.portal.policy;

import java.util.List;

/** {@code opa fmt} output: the formatted source, or the problems that stopped formatting (then the input). */
public record FormattedRego(String source, List<PolicyProblem> problems) {

    public FormattedRego {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
