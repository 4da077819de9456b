package org.dataembassy.portal.agreements;

import java.util.List;
import org.dataembassy.portal.policy.PolicyTestRun;

/** The agreement's Rego tests run against a version: every result, and coverage per article. */
public record TestReport(PolicyTestRun run, List<ArticleCoverage> articles) {

    public TestReport {
        articles = List.copyOf(articles);
    }

    public boolean passed() {
        return run.passed();
    }
}
