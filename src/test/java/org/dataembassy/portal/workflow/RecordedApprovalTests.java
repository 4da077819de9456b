package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordedApprovalTests {

    @Test
    void anAllowOfTheRulesOrAnApprovingReviewByAnotherPersonApproves() {
        assertThat(new RecordedApproval("dora", "ALLOW", null, null).missing()).isEmpty();
        assertThat(new RecordedApproval("dora", "REVIEW_REQUIRED", "lola", true).missing()).isEmpty();
    }

    @Test
    void anythingElseSaysWhatIsMissing() {
        assertThat(new RecordedApproval("dora", null, null, null).missing()).hasValueSatisfying(
                m -> assertThat(m).contains("no allow"));
        assertThat(new RecordedApproval("dora", "DENY", null, null).missing()).hasValueSatisfying(
                m -> assertThat(m).contains("DENY"));
        assertThat(new RecordedApproval("dora", "REVIEW_REQUIRED", null, null).missing()).hasValueSatisfying(
                m -> assertThat(m).contains("none is recorded"));
        assertThat(new RecordedApproval("dora", "REVIEW_REQUIRED", "dora", true).missing()).hasValueSatisfying(
                m -> assertThat(m).contains("by the requester"));
        assertThat(new RecordedApproval("dora", "REVIEW_REQUIRED", "lola", false).missing()).hasValueSatisfying(
                m -> assertThat(m).contains("rejected"));
    }
}
