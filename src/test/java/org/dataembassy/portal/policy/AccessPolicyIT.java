package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal's authorization decisions through the real supervised OPA (policies/dataembassy/authz). */
@PortalIntegrationTest
class AccessPolicyIT {

    @Autowired
    AccessPolicy access;

    @Autowired
    AuditTrail audit;

    @Test
    void fourEyesOwnershipAndVotesAreDecidedByThePolicy() {
        assertThat(As.user("lola", "LEGAL_OFFICER", () -> access.decide("transfer.review", Map.of("requested_by", "dora"))).allowed()).isTrue();
        assertThat(codes(As.user("lea", "DATA_OWNER,LEGAL_OFFICER", () -> access.decide("transfer.review", Map.of("requested_by", "lea")))))
                .containsExactly("FOUR_EYES");
        assertThat(codes(As.user("leo", "LEGAL_OFFICER", () -> access.decide("agreement.version.review", Map.of("author", "leo")))))
                .containsExactly("FOUR_EYES");
        assertThat(codes(As.user("dan", "DATA_OWNER", () -> access.decide("dataset.read", Map.of("owner", "dora")))))
                .containsExactly("NOT_THE_OWNER");
        assertThat(codes(As.user("cora", "EMERGENCY_COMMITTEE", () -> access.decide("activation.vote", Map.of("voters", List.of("cora"))))))
                .containsExactly("ALREADY_VOTED");
        assertThat(codes(As.user("aude", "AUDITOR", () -> access.decide("onboarding.review", Map.of("requested_by", "dora")))))
                .containsExactly("ROLE_MISSING");
    }

    @Test
    void aRefusalThrowsAndIsAudited() {
        String subject = "transfer:" + UUID.randomUUID();
        assertThatThrownBy(() -> As.run("lea", "DATA_OWNER,LEGAL_OFFICER",
                () -> access.require("transfer.review", subject, Map.of("requested_by", "lea"))))
                .isInstanceOfSatisfying(AccessRefusedException.class, e -> {
                    assertThat(e.decision().refusedFor("FOUR_EYES")).isTrue();
                    assertThat(e.getMessage()).contains("four eyes");
                });
        var entries = As.user("aude", "AUDITOR", () -> audit.forSubject(subject));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ACCESS_REFUSED");
            assertThat(e.actor()).isEqualTo("lea");
            assertThat(e.outcome()).isEqualTo("FOUR_EYES");
        });
    }

    @Test
    void theStateAnOfficerServesMustBeTheStateConcerned() {
        assertThat(codes(As.user("lola", "LEGAL_OFFICER,STATE_MC", () -> access.decide("transfer.review",
                Map.of("requested_by", "dora", "state", "EE"))))).containsExactly("OTHER_STATE");
        assertThat(As.user("lola", "LEGAL_OFFICER,STATE_EE", () -> access.decide("transfer.review",
                Map.of("requested_by", "dora", "state", "EE"))).allowed()).isTrue();
    }

    private static List<String> codes(AccessDecision d) {
        return d.reasons().stream().map(AccessDecision.Refusal::code).toList();
    }
}
