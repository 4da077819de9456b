package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.internal.DecisionParser;
import org.junit.jupiter.api.Test;

class DecisionParserTests {

    private static Map<String, Object> reason(String code) {
        return Map.of("code", code, "message", "m", "article", "Art. 1", "agreement", "ee-lu");
    }

    @Test
    void readsAPlainAllow() {
        var parsed = DecisionParser.parse(Map.of("allow", true, "review_required", false, "reasons", List.of()));
        assertThat(parsed).hasValueSatisfying(p -> assertThat(p.outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW));
    }

    @Test
    void readsAReviewWithItsReasonsInOrder() {
        var parsed = DecisionParser.parse(Map.of("allow", false, "review_required", true,
                "reasons", List.of(reason("B"), reason("A"))));
        assertThat(parsed).hasValueSatisfying(p -> {
            assertThat(p.outcome()).isEqualTo(PolicyDecision.Outcome.REVIEW_REQUIRED);
            assertThat(p.reasons()).extracting(Reason::code).containsExactly("B", "A");
        });
    }

    @Test
    void readsADenyWithArticle() {
        var parsed = DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of(reason("X"))));
        assertThat(parsed).hasValueSatisfying(p -> {
            assertThat(p.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
            assertThat(p.reasons().get(0).article()).isEqualTo("Art. 1");
        });
    }

    @Test
    void rejectsAnswersThatBreakTheContract() {
        assertThat(DecisionParser.parse(null)).isEmpty();
        assertThat(DecisionParser.parse(Map.of("allow", "yes", "review_required", false, "reasons", List.of()))).isEmpty();
        assertThat(DecisionParser.parse(Map.of("allow", true, "reasons", List.of()))).isEmpty();
        assertThat(DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of("x")))).isEmpty();
        assertThat(DecisionParser.parse(Map.of("allow", false, "review_required", false,
                "reasons", List.of(Map.of("code", "X", "message", "m"))))).isEmpty();
    }

    @Test
    void rejectsAnAllowThatCarriesObjections() {
        assertThat(DecisionParser.parse(Map.of("allow", true, "review_required", true, "reasons", List.of()))).isEmpty();
        assertThat(DecisionParser.parse(Map.of("allow", true, "review_required", false, "reasons", List.of(reason("X"))))).isEmpty();
    }

    @Test
    void rejectsADenyWithoutAnyReason() {
        assertThat(DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of()))).isEmpty();
    }
}
