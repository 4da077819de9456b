package org.dataembassy.portal.activation;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dataembassy.portal.activation.internal.ActivationStore;
import org.dataembassy.portal.activation.internal.Committee;
import org.dataembassy.portal.activation.internal.KeyShareVault;
import org.dataembassy.portal.activation.internal.ShareChecks;
import org.dataembassy.portal.activation.internal.VoteCount;
import org.dataembassy.portal.agreements.AgreementTerms;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's votes. Each vote locks the activation's row, so votes on one activation are counted one at
 * a time across threads and portal nodes; a member votes once per vote (checked, and enforced by the table's
 * unique key); the status moves out of the open vote exactly once, and only that move correlates the
 * process message ({@code QuorumReached}, {@code QuorumFailed}, {@code StandDownReached}) — so concurrent
 * votes produce exactly one activation.
 */
@Service
public class CommitteeVotes {

    public static final String QUORUM_REACHED = "QuorumReached";
    public static final String QUORUM_FAILED = "QuorumFailed";
    public static final String STAND_DOWN_REACHED = "StandDownReached";
    public static final String CONFIRM_NOTICE_TASK = "Task_ConfirmNotice";

    private final ActivationStore store;
    private final Committee committee;
    private final ShareChecks shareChecks;
    private final KeyShareVault vault;
    private final AgreementTerms agreementTerms;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final AccessPolicy access;

    CommitteeVotes(ActivationStore store, Committee committee, ShareChecks shareChecks, KeyShareVault vault,
                   AgreementTerms agreementTerms, RuntimeService runtime, TaskService tasks, CurrentUser currentUser,
                   ApplicationEventPublisher events, AccessPolicy access) {
        this.access = access;
        this.store = store;
        this.committee = committee;
        this.shareChecks = shareChecks;
        this.vault = vault;
        this.agreementTerms = agreementTerms;
        this.runtime = runtime;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * The signed-in member approves or rejects in the vote open now (activation or stand-down). An approval of
     * an activation carries the member's key share once a key ceremony was held (not in a rehearsal). Refused
     * (field {@code vote}) when no vote is open or the member already voted. EMERGENCY_COMMITTEE on the roster.
     */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    @Transactional
    public EmergencyActivation vote(String activationId, boolean approve, String keyShare) {
        String member = currentUser.requireUsername();
        String role = committee.requireVoter(member); // on the roster, signed in recently (step-up)
        ActivationStatus status = store.lock(activationId)
                .orElseThrow(() -> new NoSuchElementException("no activation " + activationId));
        EmergencyActivation a = store.find(activationId).orElseThrow();
        VoteKind kind = switch (status) {
            case VOTING -> VoteKind.ACTIVATE;
            case STANDING_DOWN -> VoteKind.STAND_DOWN;
            default -> throw InvalidInputException.of("vote", "No vote is open: the activation is " + status);
        };
        int round = kind == VoteKind.ACTIVATE ? 0 : a.standDownRound();
        // The authorization policy decides first (one vote per member, committee role); the unique key on
        // activation_vote below still settles two simultaneous votes of one member.
        AccessDecision may = access.decide("activation.vote", Map.of("voters",
                a.votes(kind, round).stream().map(ActivationVote::member).toList()));
        if (may.refusedFor("ALREADY_VOTED")) {
            throw InvalidInputException.of("vote", "You have already voted on this " + label(kind));
        }
        access.enforce("activation.vote", "activation:" + activationId, may);
        Optional<String> share = kind == VoteKind.ACTIVATE && approve && !a.rehearsal()
                ? shareChecks.check(member, keyShare) : Optional.empty();
        if (!store.insertVote(activationId, kind, round, member, role, approve, share.isPresent())) {
            throw InvalidInputException.of("vote", "You have already voted on this " + label(kind));
        }
        share.ifPresent(s -> EmergencyActivations.afterCommit(() -> vault.put(activationId, member, s)));
        VoteCount count = VoteCount.of(store.find(activationId).orElseThrow().votes(kind, round),
                countedRoles(a), a.quorumM(), a.quorumN());
        events.publishEvent(new ActivationEvent(activationId, kind == VoteKind.ACTIVATE ? "ACTIVATION_VOTE" : "STAND_DOWN_VOTE",
                member, approve ? "APPROVED" : "REJECTED", (a.rehearsal() ? "rehearsal: " : "") + "as " + role
                        + (share.isPresent() ? ", with key share" : "") + "; " + count));
        if (count.reached()) {
            close(a, kind == VoteKind.ACTIVATE ? ActivationStatus.VOTING : ActivationStatus.STANDING_DOWN,
                    kind == VoteKind.ACTIVATE ? ActivationStatus.ACTIVATING : ActivationStatus.DEACTIVATING,
                    kind == VoteKind.ACTIVATE ? QUORUM_REACHED : STAND_DOWN_REACHED, count);
        } else if (count.failed()) {
            if (kind == VoteKind.ACTIVATE) {
                close(a, ActivationStatus.VOTING, ActivationStatus.REJECTED, QUORUM_FAILED, count);
            } else if (store.moveStatus(activationId, ActivationStatus.STANDING_DOWN, ActivationStatus.ACTIVE)) {
                events.publishEvent(new ActivationEvent(activationId, "STAND_DOWN_REJECTED", member, "ACTIVE", count.toString()));
            }
        }
        return store.find(activationId).orElseThrow();
    }

    /**
     * Where the signed-in member must sign in again before voting, or empty when their sign-in is recent enough.
     * EMERGENCY_COMMITTEE.
     */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    public Optional<String> stepUpBeforeVoting() {
        return committee.stepUpBeforeVoting();
    }

    private void close(EmergencyActivation a, ActivationStatus from, ActivationStatus to, String message, VoteCount count) {
        if (store.moveStatus(a.id(), from, to)) {
            runtime.createMessageCorrelation(message).processInstanceId(a.processInstanceId()).correlateWithResult();
            events.publishEvent(new ActivationEvent(a.id(), message.equals(QUORUM_FAILED) ? "QUORUM_FAILED"
                    : message.equals(QUORUM_REACHED) ? "QUORUM_REACHED" : "STAND_DOWN_QUORUM_REACHED",
                    "system:quorum", to.name(), count.toString()));
        }
    }

    /** A member asks to stand down an ACTIVE activation; their request is their own approval. EMERGENCY_COMMITTEE. */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    @Transactional
    public EmergencyActivation requestStandDown(String activationId, String reason) {
        String member = currentUser.requireUsername();
        String role = committee.requireRole(member);
        ActivationStatus status = store.lock(activationId)
                .orElseThrow(() -> new NoSuchElementException("no activation " + activationId));
        String text = reason == null ? "" : reason.strip();
        if (status != ActivationStatus.ACTIVE) {
            throw InvalidInputException.of("standDown", "Only an ACTIVE activation can be stood down (this one is " + status + ")");
        }
        if (text.length() < 10 || text.length() > 2000) {
            throw InvalidInputException.of("reason", "Say why the embassy can stand down (10 to 2,000 characters)");
        }
        EmergencyActivation a = store.find(activationId).orElseThrow();
        int round = a.standDownRound() + 1;
        store.recordStandDown(activationId, round, member, text);
        store.insertVote(activationId, VoteKind.STAND_DOWN, round, member, role, true, false);
        events.publishEvent(new ActivationEvent(activationId, "STAND_DOWN_REQUESTED", member, "STANDING_DOWN",
                "round " + round + ": " + text));
        return store.find(activationId).orElseThrow();
    }

    /** A member confirms the host state received the activation notice. EMERGENCY_COMMITTEE on the roster. */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    @Transactional
    public EmergencyActivation confirmNotice(String activationId) {
        String member = currentUser.requireUsername();
        committee.requireRole(member);
        EmergencyActivation a = store.find(activationId).orElseThrow(() -> new NoSuchElementException("no activation " + activationId));
        Task task = a.processInstanceId() == null ? null : tasks.createTaskQuery().processInstanceId(a.processInstanceId())
                .taskDefinitionKey(CONFIRM_NOTICE_TASK).singleResult();
        if (task == null) {
            throw InvalidInputException.of("notice", "No notice awaits confirmation for this activation");
        }
        store.recordNoticeConfirmed(activationId, member);
        tasks.setAssignee(task.getId(), member);
        tasks.complete(task.getId());
        events.publishEvent(new ActivationEvent(activationId, "NOTIFICATION_CONFIRMED", member, "CONFIRMED",
                (a.rehearsal() ? "rehearsal: " : "") + "the host state acknowledged the activation notice"));
        return store.find(activationId).orElseThrow();
    }

    private List<String> countedRoles(EmergencyActivation a) {
        return agreementTerms.activationTerms(a.agreementKey()).map(t -> t.approverRoles())
                .orElseThrow(() -> new IllegalStateException("agreement " + a.agreementKey() + " has no published activation terms"));
    }

    private static String label(VoteKind kind) {
        return kind == VoteKind.ACTIVATE ? "activation" : "stand-down";
    }
}
