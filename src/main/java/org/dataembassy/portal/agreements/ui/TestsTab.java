package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;
import org.dataembassy.portal.agreements.ArticleCoverage;
import org.dataembassy.portal.agreements.TestReport;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.shared.InvalidInputException;

/** The "Tests" tab: the tests editor, a run with the real OPA, each test's result and coverage per article. */
final class TestsTab extends VerticalLayout {

    TestsTab(EditorPart tests, DraftProblems problems, Supplier<TestReport> runner) {
        Grid<PolicyTestResult> results = new Grid<>(PolicyTestResult.class, false);
        results.setId("test-results");
        results.addColumn(r -> r.passed() ? "PASS" : "FAIL").setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        results.addColumn(PolicyTestResult::name).setHeader("Test").setFlexGrow(1);
        results.addColumn(PolicyTestResult::message).setHeader("Why it failed").setFlexGrow(1);
        results.setAllRowsVisible(true);
        Grid<ArticleCoverage> coverage = new Grid<>(ArticleCoverage.class, false);
        coverage.setId("article-coverage");
        coverage.addColumn(ArticleCoverage::number).setHeader("Article").setAutoWidth(true).setFlexGrow(0);
        coverage.addColumn(ArticleCoverage::title).setHeader("Title").setFlexGrow(1);
        coverage.addColumn(a -> a.total() == 0 ? "no rule cites it" : a.percent() + " % (" + a.covered() + " of "
                + a.total() + " lines)").setHeader("Covered by the tests").setAutoWidth(true);
        coverage.setAllRowsVisible(true);
        Div summary = new Div();
        summary.setId("test-summary");
        Button run = new Button("Run tests", e -> {
            problems.clear();
            try {
                TestReport report = runner.get();
                results.setItems(report.run().results());
                coverage.setItems(report.articles());
                problems.show(report.run().problems());
                long passed = report.run().results().stream().filter(PolicyTestResult::passed).count();
                summary.setText(report.passed() ? "All " + passed + " tests passed."
                        : passed + " of " + report.run().results().size() + " tests passed.");
                summary.getElement().setAttribute("passed", String.valueOf(report.passed()));
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach(problems::fieldError);
                summary.setText("Tests not run: correct the clauses first.");
            }
        });
        run.setId("run-tests");
        add(tests.editor(), tests.problems(), run, summary, results, coverage);
    }
}
