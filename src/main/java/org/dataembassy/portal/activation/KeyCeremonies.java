package org.dataembassy.portal.activation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dataembassy.portal.activation.internal.CeremonyStore;
import org.dataembassy.portal.activation.internal.Committee;
import org.dataembassy.portal.activation.internal.ShareChecks;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.KekSplit;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key ceremony: the state's KEK is split into one Shamir share per committee member, any {@code m} of which
 * unseal it. The shares are returned once, for handing over; the portal keeps only who holds which index and a
 * SHA-256 check value of each, so it can tell a member's share from another's without being able to rebuild the
 * key. From then on, approving an activation needs the member's share.
 */
@Service
public class KeyCeremonies {

    /** One member's share, to be shown to that member once. {@link #toString()} hides the share. */
    public record HandedShare(String member, String treatyRole, int index, String share) {
        @Override
        public String toString() {
            return "HandedShare[" + member + ", index " + index + "]";
        }
    }

    /** A ceremony's public record. */
    public record CeremonyRecord(String id, String performedBy, Instant performedAt, int m, int n, String kekFingerprint) {
    }

    private final DatasetReplication replication;
    private final CeremonyStore store;
    private final Committee committee;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    KeyCeremonies(DatasetReplication replication, CeremonyStore store, Committee committee, CurrentUser currentUser,
                  ApplicationEventPublisher events) {
        this.replication = replication;
        this.store = store;
        this.committee = committee;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * Splits the KEK for the roster with threshold {@code m} (2 ≤ m ≤ members); it should not exceed the
     * smallest activation quorum of the agreements, or a reached quorum cannot unseal. SECURITY_OFFICER, ADMIN.
     */
    @PreAuthorize("hasAnyRole('SECURITY_OFFICER', 'ADMIN')")
    @Transactional
    public List<HandedShare> perform(int m) {
        Map<String, String> members = committee.members();
        if (members.size() < 2) {
            throw InvalidInputException.of("threshold", "The committee roster needs at least two members");
        }
        if (m < 2 || m > members.size()) {
            throw InvalidInputException.of("threshold", "Between 2 and " + members.size() + " (the committee's size)");
        }
        KekSplit split = replication.splitStateKey(m, members.size());
        String id = UUID.randomUUID().toString();
        List<HandedShare> handed = new ArrayList<>();
        Map<String, CeremonyStore.HeldShare> held = new LinkedHashMap<>();
        int index = 1;
        for (Map.Entry<String, String> member : members.entrySet()) {
            String share = split.shares().get(index - 1);
            handed.add(new HandedShare(member.getKey(), member.getValue(), index, share));
            held.put(member.getKey(), new CeremonyStore.HeldShare(index, ShareChecks.checkValue(share)));
            index++;
        }
        String by = currentUser.requireUsername();
        store.insert(new CeremonyStore.Ceremony(id, by, Instant.now(), m, members.size(), split.setId(),
                split.kekFingerprint()), held);
        events.publishEvent(new ActivationEvent("key-ceremony-" + id, "KEY_CEREMONY", by, "SPLIT",
                m + " of " + members.size() + " shares for " + String.join(", ", members.keySet()) + "; KEK "
                        + split.kekFingerprint().substring(0, 16)));
        return handed;
    }

    /** The latest ceremony, if any. SECURITY_OFFICER, ADMIN, the committee, auditors. */
    @PreAuthorize("hasAnyRole('SECURITY_OFFICER', 'ADMIN', 'EMERGENCY_COMMITTEE', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Optional<CeremonyRecord> latest() {
        return store.latest().map(c -> new CeremonyRecord(c.id(), c.performedBy(), c.performedAt(), c.m(), c.n(),
                c.kekFingerprint()));
    }
}
