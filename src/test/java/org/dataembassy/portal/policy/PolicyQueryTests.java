package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyQueryTests {

    private static final Instant NOW = Instant.parse("2026-12-03T08:15:47.123456Z");

    @Test
    void aQueryWithoutADecisionTimeIsAskedAtNowInUtcAsRfc3339() {
        PolicyQuery query = new PolicyQuery("dataembassy/onboarding", "s", Map.of("agreement", "ee_lu"));
        PolicyQuery stated = query.at(NOW);
        assertThat(stated.input()).containsEntry("at", "2026-12-03T08:15:47.123Z").containsEntry("agreement", "ee_lu");
        assertThat(stated.entryPoint()).isEqualTo(query.entryPoint());
        assertThat(stated.subject()).isEqualTo(query.subject());
        assertThat(query.input()).doesNotContainKey("at");
    }

    @Test
    void aDecisionTimeTheCallerStatesIsKeptEvenWhenTheRulesWillRefuseIt() {
        PolicyQuery replay = new PolicyQuery("dataembassy/transfer", "s", Map.of("at", "2025-01-01T00:00:00Z"));
        assertThat(replay.at(NOW)).isSameAs(replay);
        PolicyQuery nonsense = new PolicyQuery("dataembassy/transfer", "s", Map.of("at", 42));
        assertThat(nonsense.at(NOW).input()).containsEntry("at", 42);
    }
}
