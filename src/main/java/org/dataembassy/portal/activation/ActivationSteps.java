package org.dataembassy.portal.activation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.activation.internal.ActivationStore;
import org.dataembassy.portal.activation.internal.KeyShareVault;
import org.dataembassy.portal.activation.internal.ServingArea;
import org.dataembassy.portal.activation.internal.ShareChecks;
import org.dataembassy.portal.activation.internal.VoteCount;
import org.dataembassy.portal.agreements.AgreementTerms;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.RestoreResult;
import org.dataembassy.portal.replication.ShareException;
import org.dataembassy.portal.workflow.StepSafeguards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The steps of the {@code EmergencyActivationProcess}, run by its delegates as the workflow's system account.
 * Each is idempotent (a retried step finds its own work done and does not repeat it). In a rehearsal every step
 * runs and records "rehearsal", but no key is released and no data is touched.
 */
@Service
public class ActivationSteps {

    private static final String SYSTEM = "system:workflow";

    private final ActivationStore store;
    private final PolicyDecisions policy;
    private final AgreementTerms agreementTerms;
    private final DatasetReplication replication;
    private final ServingArea serving;
    private final KeyShareVault vault;
    private final ShareChecks shareChecks;
    private final ApplicationEventPublisher events;
    private final StepSafeguards safeguards;
    private final Clock clock;

    ActivationSteps(ActivationStore store, PolicyDecisions policy, AgreementTerms agreementTerms,
                    DatasetReplication replication, ServingArea serving, KeyShareVault vault, ShareChecks shareChecks,
                    ApplicationEventPublisher events, StepSafeguards safeguards, Clock clock) {
        this.safeguards = safeguards;
        this.clock = clock;
        this.store = store;
        this.policy = policy;
        this.agreementTerms = agreementTerms;
        this.replication = replication;
        this.serving = serving;
        this.vault = vault;
        this.shareChecks = shareChecks;
        this.events = events;
    }

    /**
     * Asks the treaty rules whether the agreement permits activation under the trigger's conditions (stage
     * {@code trigger}: no votes yet). Allow opens the vote. An unavailable engine is returned as such for the
     * step to retry; it never opens the vote. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public PolicyDecision evaluateConditions(String id) {
        EmergencyActivation a = find(id);
        PolicyDecision decision = decide(a, "trigger");
        if (!decision.engineUnavailable()) {
            store.recordStatus(id, decision.allowed() ? ActivationStatus.VOTING : a.status(), reasons(decision));
        }
        return decision;
    }

    /** Records the activation notice to the host state (audited) once; returns when its receipt is due. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public Instant notifyHostState(String id) {
        EmergencyActivation a = find(id);
        if (a.notifiedAt() == null) {
            Instant now = clock.instant();
            store.recordNotice(id, now);
            String host = agreementTerms.activationTerms(a.agreementKey()).map(t -> t.hostState()).orElse("the host state");
            events.publishEvent(new ActivationEvent(id, "NOTIFICATION", SYSTEM, a.rehearsal() ? "REHEARSAL" : "SENT",
                    (a.rehearsal() ? "rehearsal (not sent): " : "") + "activation notice to " + host + ": "
                            + a.agreementKey() + " activates " + a.site() + " (" + a.emergencyType() + "); receipt due within "
                            + a.noticeHours() + " h"));
            a = find(id);
        }
        return a.notifiedAt().plusSeconds(3600L * a.noticeHours());
    }

    /** Asks the treaty rules again with the committee's approvals and the notice: the quorum is policy too. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public PolicyDecision evaluateQuorum(String id) {
        EmergencyActivation a = find(id);
        PolicyDecision decision = decide(a, "quorum");
        if (!decision.engineUnavailable()) {
            store.recordStatus(id, a.status(), reasons(decision));
        }
        return decision;
    }

    /**
     * Releases the state's key: from the approvers' Shamir shares (held in memory) once a key ceremony was
     * held — unsealed and verified against the state's KEK fingerprint — otherwise the local KEK file. Throws
     * (the step retries, then an incident) when too few shares are in memory. A rehearsal releases nothing. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public String releaseKey(String id) {
        EmergencyActivation a = find(id);
        requireQuorum(a, "Unseal the state key", EnumSet.of(ActivationStatus.ACTIVATING));
        String source;
        if (a.rehearsal()) {
            vault.wipe(id);
            source = "REHEARSAL: no key released";
        } else if (shareChecks.ceremonyHeld()) {
            List<String> shares = vault.shares(id);
            String fingerprint;
            try {
                fingerprint = replication.unsealStateKey(shares);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot unseal the state key from the " + shares.size()
                        + " share(s) in memory for activation " + id + ": " + e.getClass().getSimpleName());
            }
            source = "SHAMIR_SHARES: " + shares.size() + " shares, KEK " + fingerprint.substring(0, 16);
        } else {
            source = "LOCAL_KEK_FILE: no key ceremony held";
        }
        store.recordKeySource(id, source);
        events.publishEvent(new ActivationEvent(id, "KEY_RELEASED", SYSTEM, a.rehearsal() ? "REHEARSAL" : "RELEASED", source));
        return source;
    }

    /**
     * Restores the latest verified snapshot of each activated dataset at the embassy site into its read-only
     * serving folder and records which snapshot; datasets already served are skipped. Shares are dropped from
     * memory once every dataset is restored. A rehearsal restores nothing. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<ActivatedDataset> restoreForService(String id) {
        EmergencyActivation a = find(id);
        requireQuorum(a, "Restore for service", EnumSet.of(ActivationStatus.ACTIVATING));
        if (a.rehearsal()) {
            events.publishEvent(new ActivationEvent(id, "DATASETS_RESTORED", SYSTEM, "REHEARSAL",
                    "rehearsal: " + a.datasets().size() + " dataset(s) not restored"));
            return a.datasets();
        }
        List<String> shares = shareChecks.ceremonyHeld() ? vault.shares(id) : List.of();
        for (ActivatedDataset d : a.datasets()) {
            Path target = serving.target(id, d.datasetId());
            if (d.snapshotId() != null && Files.isDirectory(target)) {
                continue;
            }
            serving.discard(target);
            Path partial = serving.freshPartial(id, d.datasetId());
            RestoreResult result;
            try {
                result = replication.restoreLatestVerified(d.datasetId(), a.site(), partial, shares);
            } catch (ShareException e) {
                // the engine's message may quote the start of a share: the job's error must not
                throw new IllegalStateException("the key shares in memory do not unseal the state key ("
                        + e.getClass().getSimpleName() + ")");
            }
            serving.publish(partial, target);
            store.recordRestore(id, d.datasetId(), result.snapshotId(), target.toString());
            events.publishEvent(new ActivationEvent(id, "DATASET_RESTORED", SYSTEM, "RESTORED", "dataset '"
                    + d.datasetName() + "' snapshot " + result.snapshotId() + " (" + result.entries() + " entries, "
                    + result.bytes() + " bytes) read-only at " + a.site()));
        }
        vault.wipe(id);
        return find(id).datasets();
    }

    /** The activation is ACTIVE (served). SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void declareActive(String id) {
        EmergencyActivation a = find(id);
        requireQuorum(a, "Declare the activation active", EnumSet.of(ActivationStatus.ACTIVATING, ActivationStatus.ACTIVE));
        if (store.moveStatus(id, ActivationStatus.ACTIVATING, ActivationStatus.ACTIVE)) {
            store.recordActivated(id, clock.instant());
            events.publishEvent(new ActivationEvent(id, "ACTIVATION_ACTIVE", SYSTEM, a.rehearsal() ? "REHEARSAL" : "ACTIVE",
                    (a.rehearsal() ? "rehearsal: " : "") + a.datasets().size() + " dataset(s) at " + a.site()));
        }
    }

    /** The host state's receipt of the notice was not confirmed in time: escalates (audited). SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void escalateOverdueNotice(String id) {
        EmergencyActivation a = find(id);
        if (!a.noticeOverdue()) {
            store.recordNoticeOverdue(id);
            events.publishEvent(new ActivationEvent(id, "NOTIFICATION_OVERDUE", SYSTEM, "OVERDUE",
                    "the host state's receipt of the activation notice was not confirmed within " + a.noticeHours() + " h"));
        }
    }

    /** Stand-down quorum reached: the serving area is removed and the activation STOOD_DOWN. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void deactivate(String id) {
        EmergencyActivation a = find(id);
        serving.remove(id);
        store.clearServing(id);
        vault.wipe(id);
        if (store.moveStatus(id, ActivationStatus.DEACTIVATING, ActivationStatus.STOOD_DOWN)) {
            events.publishEvent(new ActivationEvent(id, "ACTIVATION_STOOD_DOWN", SYSTEM, a.rehearsal() ? "REHEARSAL" : "STOOD_DOWN",
                    (a.rehearsal() ? "rehearsal: " : "") + "serving area removed; stand-down by " + a.standDownBy()));
        }
    }

    /** Final outcome of a refused activation: DENIED by the treaty rules or REJECTED by the committee. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void finish(String id, ActivationStatus outcome) {
        EmergencyActivation a = find(id);
        vault.wipe(id);
        if (outcome == ActivationStatus.DENIED && a.status() != ActivationStatus.DENIED) {
            store.recordStatus(id, ActivationStatus.DENIED, a.decisionReasons());
            events.publishEvent(new ActivationEvent(id, "ACTIVATION_DENIED", SYSTEM, "DENIED", String.join("; ", a.decisionReasons())));
        } else if (outcome == ActivationStatus.REJECTED) {
            events.publishEvent(new ActivationEvent(id, "ACTIVATION_REJECTED", SYSTEM, "REJECTED", "the committee rejected it"));
        }
    }

    /**
     * Defence in depth for the steps that release the key, restore data and declare ACTIVE: the committee's
     * quorum is counted again from the recorded votes (distinct members in the roles the agreement counts) and
     * the status must be the one the counting moved it to. A process that reached the step some other way
     * (instance modification, a completed task) is refused (audited, then an incident); nothing is released.
     */
    private void requireQuorum(EmergencyActivation a, String step, Set<ActivationStatus> statuses) {
        String missing = null;
        if (!statuses.contains(a.status())) {
            missing = "the activation is " + a.status() + ", not " + statuses + " after a counted quorum";
        } else {
            List<String> counted = agreementTerms.activationTerms(a.agreementKey()).map(t -> t.approverRoles())
                    .orElse(List.of());
            VoteCount count = VoteCount.of(a.votes(VoteKind.ACTIVATE, 0), counted, a.quorumM(), a.quorumN());
            if (!count.reached()) {
                missing = "the recorded votes do not reach the quorum (" + count + ")";
            }
        }
        if (missing != null) {
            throw safeguards.refused(step, a.subject(), missing);
        }
    }

    private PolicyDecision decide(EmergencyActivation a, String stage) {
        Map<String, Object> activation = new LinkedHashMap<>();
        activation.put("stage", stage);
        activation.put("triggered_by", Map.of("id", a.triggeredBy(), "role", a.triggerRole()));
        activation.put("approvals", stage.equals("trigger") ? List.of() : a.votes(VoteKind.ACTIVATE, 0).stream()
                .filter(ActivationVote::approve).map(v -> Map.of("id", v.member(), "role", v.treatyRole())).toList());
        activation.put("declarations", a.declarations());
        activation.put("site", a.site());
        activation.put("emergency_type", a.emergencyType().name());
        activation.put("host_state_notified", a.notifiedAt() != null);
        return policy.decide(new PolicyQuery("dataembassy/activation", a.subject(),
                Map.of("agreement", a.agreementKey(), "activation", activation)));
    }

    private static List<String> reasons(PolicyDecision decision) {
        return decision.reasons().stream()
                .map(r -> r.code() + " (" + r.agreement() + " " + r.article() + "): " + r.message()).toList();
    }

    private EmergencyActivation find(String id) {
        return store.find(id).orElseThrow(() -> new IllegalStateException("no activation " + id));
    }
}
