package org.dataembassy.portal.agreements.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dataembassy.portal.agreements.DraftCheck;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.TestReport;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What the real OPA says of an agreement's content with every other agreement as published: clause errors by
 * field, compile and contract problems by line (in the editor's parts: terms, rego, tests), the agreement's tests
 * with coverage per article. Holds no connection while OPA works. No role check: the services' own refuse first,
 * and a jurisdiction outcome (SYSTEM) is checked here as any version is.
 */
@Component
public class DraftChecks {

    private final VersionGuard guard;
    private final PublishedTrees trees;
    private final PolicyWorkbench workbench;

    DraftChecks(VersionGuard guard, PublishedTrees trees, PolicyWorkbench workbench) {
        this.guard = guard;
        this.trees = trees;
        this.workbench = workbench;
    }

    /** Checks content as the editor has it; stores nothing. */
    public DraftCheck check(String key, DraftContent content) {
        VersionGuard.requireComplete(content);
        guard.requireAgreement(key);
        Map<String, String> fieldErrors = TermsValidator.validate(key, content.termsJson());
        if (fieldErrors.containsKey("terms")) {
            return new DraftCheck(fieldErrors, List.of()); // not JSON: nothing to compile against
        }
        PolicyTree tree = AgreementFiles.withAgreement(trees.current(), key, content);
        List<PolicyProblem> problems = new ArrayList<>(workbench.check(tree).stream().map(p -> part(key, p)).toList());
        if (problems.isEmpty()) {
            workbench.contractViolations(tree).stream()
                    .filter(v -> v.startsWith(key + ":"))
                    .forEach(v -> problems.add(new PolicyProblem(DraftCheck.REGO, 0, 0, "contract_violation", v)));
        }
        return new DraftCheck(fieldErrors, problems);
    }

    /** Runs the agreement's tests against content (nothing stored), with coverage per article. */
    public TestReport runTests(String key, DraftContent content) {
        guard.requireAgreement(key);
        Map<String, String> errors = TermsValidator.validate(key, content.termsJson());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PolicyTree tree = AgreementFiles.withAgreement(trees.current(), key, content);
        PolicyTestRun run = workbench.test(tree, "^data\\.dataembassy\\." + key + "_test\\.");
        PolicyTestRun parts = new PolicyTestRun(run.results().stream().map(r -> new PolicyTestResult(
                r.packageName(), r.name(), partName(key, r.file()), r.line(), r.passed(), r.message(), r.durationNanos()))
                .toList(), run.coverage(), run.problems().stream().map(p -> part(key, p)).toList());
        return new TestReport(parts, ArticleCoverageCalculator.compute(tree, key, content.termsJson(), run));
    }

    /** Refuses content that does not compile, breaks the contract or fails its tests (or has none). */
    public void requireReady(String key, DraftContent content) {
        DraftCheck check = check(key, content);
        if (!check.fieldErrors().isEmpty()) {
            throw new InvalidInputException(check.fieldErrors());
        }
        if (!check.problems().isEmpty()) {
            throw new PolicyRejectedException("the treaty rules do not compile or break the contract", check.problems());
        }
        TestReport tests = runTests(key, content);
        if (!tests.passed()) {
            List<PolicyProblem> failures = tests.run().results().isEmpty() && tests.run().problems().isEmpty()
                    ? List.of(new PolicyProblem(DraftCheck.TESTS, 0, 0, "no_tests", "the agreement has no tests"))
                    : new ArrayList<>(tests.run().problems());
            tests.run().failures().forEach(f -> failures.add(new PolicyProblem(f.file(), f.line(), 0, "test_failed",
                    f.name() + ": " + f.message())));
            throw new PolicyRejectedException("the agreement's tests fail", failures);
        }
    }

    /** {@code opa fmt} of a Rego text; the text as it is when OPA cannot parse it (the check reports where). */
    public String formatOrKeep(String rego) {
        if (rego == null) {
            return "";
        }
        FormattedRego formatted = workbench.format("rego", rego);
        return formatted.ok() ? formatted.source() : rego;
    }

    /** Maps the agreement's own files to the editor's parts: rego, tests; terms for data.json. */
    public static PolicyProblem part(String key, PolicyProblem p) {
        String file = partName(key, p.file());
        return Objects.equals(file, p.file()) ? p : new PolicyProblem(file, p.line(), p.column(), p.code(), p.message());
    }

    private static String partName(String key, String file) {
        if (file.equals(AgreementFiles.regoPath(key))) {
            return DraftCheck.REGO;
        }
        if (file.equals(AgreementFiles.testsPath(key))) {
            return DraftCheck.TESTS;
        }
        if (file.equals(AgreementFiles.dataPath(key))) {
            return DraftCheck.TERMS;
        }
        return file;
    }
}
