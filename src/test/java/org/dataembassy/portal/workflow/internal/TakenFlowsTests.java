package org.dataembassy.portal.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.dataembassy.portal.workflow.internal.TakenFlows.Flow;
import org.dataembassy.portal.workflow.internal.TakenFlows.Visit;
import org.junit.jupiter.api.Test;

/** Deriving the flows taken from activity history, on the shape of the onboarding model. */
class TakenFlowsTests {

    // start → policy → gateway ─allow──────────────→ accept → end
    //                          └review→ review → approved? ─yes┘
    //                                                       └no→ reject
    private static final List<Flow> FLOWS = List.of(
            new Flow("toPolicy", "start", "policy"),
            new Flow("toGateway", "policy", "gateway"),
            new Flow("allow", "gateway", "accept"),
            new Flow("reviewRequired", "gateway", "review"),
            new Flow("toApproved", "review", "approved"),
            new Flow("approvedYes", "approved", "accept"),
            new Flow("approvedNo", "approved", "reject"),
            new Flow("toEnd", "accept", "end"));

    private static Instant t(int second) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second);
    }

    @Test
    void aPathThroughTheReviewTakesTheReviewsFlowIntoAcceptNotTheDirectOne() {
        List<Visit> visits = List.of(
                new Visit("start", t(0), t(0), false),
                new Visit("policy", t(1), t(2), false),
                new Visit("gateway", t(2), t(2), false),
                new Visit("review", t(2), t(10), false),
                new Visit("approved", t(10), t(10), false),
                new Visit("accept", t(11), t(12), false),
                new Visit("end", t(12), t(12), false));

        assertThat(TakenFlows.derive(FLOWS, visits, List.of(), Set.of()))
                .containsExactly("toPolicy", "toGateway", "reviewRequired", "toApproved", "approvedYes", "toEnd");
    }

    @Test
    void anAsynchronousStepWaitingForItsJobCountsAsEntered() {
        List<Visit> visits = List.of(
                new Visit("start", t(0), t(0), false),
                new Visit("policy", t(1), t(2), false),
                new Visit("gateway", t(2), t(2), false));

        assertThat(TakenFlows.derive(FLOWS, visits, List.of("accept"), Set.of()))
                .containsExactly("toPolicy", "toGateway", "allow");
    }

    @Test
    void aWaitingTaskIsEnteredButNothingLeavesIt() {
        List<Visit> visits = List.of(
                new Visit("start", t(0), t(0), false),
                new Visit("policy", t(1), t(2), false),
                new Visit("gateway", t(2), t(2), false),
                new Visit("review", t(2), null, false));

        assertThat(TakenFlows.derive(FLOWS, visits, List.of("review"), Set.of()))
                .containsExactly("toPolicy", "toGateway", "reviewRequired");
    }

    @Test
    void aCancelledActivityTakesNoOutgoingFlow() {
        List<Visit> visits = List.of(
                new Visit("start", t(0), t(0), false),
                new Visit("policy", t(1), t(2), false),
                new Visit("gateway", t(2), t(2), false),
                new Visit("review", t(2), t(5), true),
                new Visit("approved", t(6), t(6), false));

        assertThat(TakenFlows.derive(FLOWS, visits, List.of(), Set.of())).doesNotContain("toApproved");
    }

    @Test
    void aJoiningGatewayTakesEveryIncomingFlowWhoseSourceFinished() {
        List<Flow> flows = List.of(new Flow("a", "left", "join"), new Flow("b", "right", "join"));
        List<Visit> visits = List.of(
                new Visit("left", t(0), t(1), false),
                new Visit("right", t(0), t(3), false),
                new Visit("join", t(3), t(3), false));

        assertThat(TakenFlows.derive(flows, visits, List.of(), Set.of("join"))).containsExactly("a", "b");
        assertThat(TakenFlows.derive(flows, visits, List.of(), Set.of())).containsExactly("b");
    }

    @Test
    void aJoinVisitedOncePerArrivingTokenTakesEachTokensFlow() {
        List<Flow> flows = List.of(new Flow("a", "left", "join"), new Flow("b", "right", "join"));
        List<Visit> visits = List.of(
                new Visit("left", t(0), t(1), false),
                new Visit("join", t(1), t(1), false),
                new Visit("right", t(0), t(3), false),
                new Visit("join", t(3), t(3), false));

        assertThat(TakenFlows.derive(flows, visits, List.of(), Set.of())).containsExactly("a", "b");
    }
}
