package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dataembassy.portal.agreements.ArticleCoverage;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;
import org.junit.jupiter.api.Test;

class ArticleCoverageCalculatorTests {

    static final String CLAUSES = """
            package dataembassy.treaty

            data_deny[key] contains reason(t, "X", "m", "permitted_data") if {
            \tsome key, t in agreements
            \tnot t.ok
            }

            host_deny[key] contains reason(t, "Y", "m", "host_access") if {
            \tsome key, t in agreements
            }
            """;

    @Test
    void countsOnlyEvaluableLinesOfTheRulesCitingEachArticle() throws Exception {
        String terms = Files.readString(Path.of("policies/dataembassy/agreements/ee_lu/data.json"));
        String termsOnly = TermsJson.termsOf(terms);
        PolicyTree tree = new PolicyTree(new TreeMap<>(Map.of(".manifest", "{}",
                ArticleCoverageCalculator.CLAUSES, CLAUSES)));
        PolicyTestRun run = new PolicyTestRun(List.of(), Map.of(ArticleCoverageCalculator.CLAUSES,
                new PolicyTestRun.LineCoverage(Set.of(3, 4), Set.of(5, 9, 10))), List.of());

        List<ArticleCoverage> coverage = ArticleCoverageCalculator.compute(tree, "ee_lu", termsOnly, run);

        assertThat(coverage).extracting(ArticleCoverage::topic).contains("permitted_data", "host_access", "scope");
        assertThat(coverage).filteredOn(a -> a.topic().equals("permitted_data")).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo("Art. 3");
            assertThat(a.covered()).isEqualTo(2);
            assertThat(a.total()).isEqualTo(3);
            assertThat(a.percent()).isEqualTo(67);
        });
        assertThat(coverage).filteredOn(a -> a.topic().equals("host_access")).singleElement()
                .satisfies(a -> assertThat(a.covered()).isZero());
        assertThat(coverage).filteredOn(a -> a.topic().equals("scope")).singleElement()
                .satisfies(a -> assertThat(a.total()).isZero());
    }

    @Test
    void readsEachEntryPointsFileBesideTreatyRegoButNotTheTests() {
        PolicyTree tree = new PolicyTree(new TreeMap<>(Map.of(".manifest", "{}",
                "dataembassy/treaty/treaty.rego", CLAUSES,
                "dataembassy/treaty/transfer.rego", CLAUSES,
                "dataembassy/treaty/transfer_test.rego", CLAUSES,
                "dataembassy/treaty/sub/other.rego", CLAUSES,
                "dataembassy/clauses/transfer.rego", CLAUSES)));

        assertThat(ArticleCoverageCalculator.ruleFiles(tree, "ee_lu")).containsExactly(
                "dataembassy/treaty/transfer.rego", "dataembassy/treaty/treaty.rego",
                AgreementFiles.regoPath("ee_lu"));
    }

    @Test
    void findsRuleBlocksByQuotedTopic() {
        assertThat(ArticleCoverageCalculator.blocksCiting(CLAUSES, "host_access"))
                .singleElement().satisfies(b -> assertThat(b).containsExactly(8, 10));
        assertThat(ArticleCoverageCalculator.blocksCiting(CLAUSES, "audit")).isEmpty();
    }
}
