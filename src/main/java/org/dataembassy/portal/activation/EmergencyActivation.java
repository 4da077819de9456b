package org.dataembassy.portal.activation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An emergency activation as stored, with its datasets and votes.
 *
 * @param declarations     what the trigger declared (e.g. CRISIS_DECLARED)
 * @param rehearsal        the whole path without releasing keys or touching data
 * @param decisionReasons  the treaty reasons of a denial ("CODE (agreement article): message"); empty otherwise
 * @param keySource        how the key was released (Shamir shares or the local KEK file); null before
 * @param notifiedAt       when the notice to the host state was recorded; null before
 * @param noticeConfirmedBy who confirmed the host state's receipt of the notice; null until confirmed
 * @param standDownRound   0 until a stand-down is requested, then the round of the latest one
 */
public record EmergencyActivation(String id, String agreementKey, String site, EmergencyType emergencyType,
                                  String justification, List<String> declarations, boolean rehearsal,
                                  String triggeredBy, String triggerRole, Instant triggeredAt,
                                  ActivationStatus status, int quorumM, int quorumN, int noticeHours,
                                  List<String> decisionReasons, String keySource, Instant notifiedAt,
                                  String noticeConfirmedBy, boolean noticeOverdue, int standDownRound,
                                  String standDownBy, String standDownReason, String processInstanceId,
                                  List<ActivatedDataset> datasets, List<ActivationVote> votes) {

    public EmergencyActivation {
        declarations = List.copyOf(declarations);
        decisionReasons = List.copyOf(decisionReasons);
        datasets = List.copyOf(datasets);
        votes = List.copyOf(votes);
    }

    /** Audit subject and workflow business key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String id) {
        return "activation:" + id;
    }

    /** Whether {@code member} has voted in the vote open now (activation or the latest stand-down round). */
    public boolean hasVoted(String member) {
        VoteKind kind = status == ActivationStatus.STANDING_DOWN ? VoteKind.STAND_DOWN : VoteKind.ACTIVATE;
        int round = kind == VoteKind.ACTIVATE ? 0 : standDownRound;
        return votes.stream().anyMatch(v -> v.kind() == kind && v.round() == round && v.member().equals(member));
    }

    /** The member's vote in the latest vote (the activation, or the latest stand-down round once one was asked). */
    public Optional<ActivationVote> latestVoteOf(String member) {
        VoteKind kind = standDownRound > 0 ? VoteKind.STAND_DOWN : VoteKind.ACTIVATE;
        return votes(kind, standDownRound).stream().filter(v -> v.member().equals(member)).findFirst();
    }

    /** Votes of one kind and round. */
    public List<ActivationVote> votes(VoteKind kind, int round) {
        return votes.stream().filter(v -> v.kind() == kind && v.round() == round).toList();
    }
}
