package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
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

    private static Map<String, Object> obligation(String code) {
        Map<String, Object> o = new HashMap<>(Map.of("code", code, "action", "Notify the host", "article", "Art. 11(2)",
                "clause", "activation.host_notice", "agreement", "xc-xd", "owed_by", "XC", "owed_to", "XD",
                "due", "2026-03-02T00:00:00Z", "within", "PT24H"));
        o.put("conditional", false);
        return o;
    }

    @Test
    void readsTheClauseAndOriginOfAReason() {
        Map<String, Object> r = new HashMap<>(reason("PERSONNEL_NOT_CLEARED"));
        r.put("article", "");
        r.put("clause", "personnel.origin_staff");
        r.put("origin", "treaty");
        var parsed = DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of(r)));
        assertThat(parsed).hasValueSatisfying(p -> assertThat(p.reasons().get(0))
                .isEqualTo(new Reason("PERSONNEL_NOT_CLEARED", "m", "", "ee-lu", "personnel.origin_staff", "treaty")));
    }

    @Test
    void readsTheObligationsAnAllowCarries() {
        var parsed = DecisionParser.parse(Map.of("allow", true, "review_required", false, "reasons", List.of(),
                "obligations", List.of(obligation("HOST_NOTICE_AFTER_ACTIVATION"))));
        assertThat(parsed).hasValueSatisfying(p -> {
            Obligation o = p.obligations().get(0);
            assertThat(o.code()).isEqualTo("HOST_NOTICE_AFTER_ACTIVATION");
            assertThat(o.owedBy()).isEqualTo("XC");
            assertThat(o.due()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
            assertThat(o.conditional()).isFalse();
        });
    }

    @Test
    void rejectsObligationsThatBreakTheContract() {
        Map<String, Object> badDue = obligation("A");
        badDue.put("due", "tomorrow");
        Map<String, Object> noOwedTo = obligation("A");
        noOwedTo.remove("owed_to");
        Map<String, Object> badStatus = obligation("A");
        badStatus.put("status", "maybe");
        for (Object bad : List.of(badDue, noOwedTo, badStatus, "x")) {
            assertThat(DecisionParser.parse(Map.of("allow", true, "review_required", false, "reasons", List.of(),
                    "obligations", List.of(bad)))).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(DecisionParser.parse(Map.of("allow", true, "review_required", false, "reasons", List.of(),
                "obligations", "none"))).isEmpty();
        Map<String, Object> badOrigin = new HashMap<>(reason("X"));
        badOrigin.put("origin", "rumour");
        assertThat(DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of(badOrigin)))).isEmpty();
    }

    /** Nothing happens after a refusal, so nothing can be owed: a deny with an obligation is a broken policy. */
    @Test
    void rejectsADenyThatCarriesAnObligation() {
        assertThat(DecisionParser.parse(Map.of("allow", false, "review_required", false, "reasons", List.of(reason("X")),
                "obligations", List.of(obligation("A"))))).isEmpty();
    }
}
