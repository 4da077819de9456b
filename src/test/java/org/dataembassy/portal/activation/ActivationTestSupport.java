package org.dataembassy.portal.activation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.support.As;

/** Drives activations through the services as committee members do. */
record ActivationTestSupport(EmergencyActivations activations, CommitteeVotes votes, KeyCeremonies ceremonies) {

    static final List<String> DECLARATIONS = List.of("CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE");

    /** A fresh key ceremony by the security officer; member → share. */
    Map<String, String> ceremony() {
        Map<String, String> shares = new LinkedHashMap<>();
        As.user("sam", "SECURITY_OFFICER", () -> ceremonies.perform(3))
                .forEach(h -> shares.put(h.member(), h.share()));
        return shares;
    }

    EmergencyActivation trigger(String member, List<String> datasetIds, boolean rehearsal, String share) {
        return As.user(member, "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest("ee_lu", "embassy-lu",
                EmergencyType.CYBER_ATTACK, "Primary data centres unreachable after a coordinated attack",
                DECLARATIONS, datasetIds, rehearsal, share)));
    }

    EmergencyActivation vote(String member, String activationId, boolean approve, String share) {
        return As.user(member, "EMERGENCY_COMMITTEE", () -> votes.vote(activationId, approve, share));
    }

    EmergencyActivation find(String id) {
        return As.user("aude", "AUDITOR", () -> activations.find(id));
    }

    EmergencyActivation awaitStatus(String id, ActivationStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(id).status() == status);
        return find(id);
    }
}
