package org.dataembassy.portal.activation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.activation.ActivationVote;
import org.dataembassy.portal.activation.VoteKind;
import org.junit.jupiter.api.Test;

class VoteCountTests {

    private static final List<String> COUNTED = List.of("GOVERNMENT_CIO", "CRISIS_COORDINATOR", "SECURITY_OFFICER");

    private static ActivationVote vote(String member, String role, boolean approve) {
        return new ActivationVote(VoteKind.ACTIVATE, 0, member, role, approve, false, Instant.now());
    }

    @Test
    void threeDistinctApprovalsReachAQuorumOfThreeOfFive() {
        VoteCount count = VoteCount.of(List.of(vote("cora", "GOVERNMENT_CIO", true), vote("cade", "CRISIS_COORDINATOR", true),
                vote("cleo", "SECURITY_OFFICER", true)), COUNTED, 3, 5);
        assertThat(count.reached()).isTrue();
        assertThat(count.failed()).isFalse();
        assertThat(count.approvals()).isEqualTo(3);
    }

    @Test
    void theSameMemberTwiceCountsOnce() {
        VoteCount count = VoteCount.of(List.of(vote("cora", "GOVERNMENT_CIO", true), vote("cora", "GOVERNMENT_CIO", true),
                vote("cade", "CRISIS_COORDINATOR", true)), COUNTED, 3, 5);
        assertThat(count.approvals()).isEqualTo(2);
        assertThat(count.reached()).isFalse();
    }

    @Test
    void anApprovalInARoleTheAgreementDoesNotNameIsNotCounted() {
        VoteCount count = VoteCount.of(List.of(vote("cora", "GOVERNMENT_CIO", true), vote("cade", "CRISIS_COORDINATOR", true),
                vote("dora", "DATA_OWNER", true)), COUNTED, 3, 5);
        assertThat(count.approvals()).isEqualTo(2);
        assertThat(count.reached()).isFalse();
    }

    @Test
    void nMinusMPlusOneRejectionsMakeTheQuorumUnreachable() {
        List<ActivationVote> two = List.of(vote("cora", "GOVERNMENT_CIO", true), vote("cade", "CRISIS_COORDINATOR", false),
                vote("cleo", "SECURITY_OFFICER", false));
        assertThat(VoteCount.of(two, COUNTED, 3, 5).failed()).isFalse();
        List<ActivationVote> three = List.of(vote("cora", "GOVERNMENT_CIO", true), vote("cade", "CRISIS_COORDINATOR", false),
                vote("cleo", "SECURITY_OFFICER", false), vote("celia", "SECURITY_OFFICER", false));
        VoteCount count = VoteCount.of(three, COUNTED, 3, 5);
        assertThat(count.failed()).isTrue();
        assertThat(count.rejections()).isEqualTo(3);
        assertThat(count).hasToString("1 of 3 approvals needed, 3 rejections");
    }
}
