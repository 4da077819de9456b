package org.dataembassy.portal.agreements;

import java.util.List;

/**
 * What a published agreement says about emergency activation, read from its structured terms.
 *
 * @param agreementKey         data key and treaty package name, e.g. {@code ee_lu}
 * @param agreementId          what reasons cite, e.g. {@code ee-lu}
 * @param hostState            ISO code of the host state to be notified
 * @param quorumM              approvals needed (distinct members, the trigger counting once)
 * @param quorumN              members entitled to vote
 * @param mayTrigger           treaty roles that may trigger
 * @param approverRoles        treaty roles whose approvals count
 * @param requiredDeclarations declarations the trigger must make
 * @param noticeHours          hours within which the host state's receipt of the activation notice must be
 *                             confirmed ({@code notification.activation_notice_hours}, else {@code incident_hours})
 * @param embassySites         the agreement's facilities with role {@code embassy}
 */
public record ActivationTerms(String agreementKey, String agreementId, String hostState, int quorumM, int quorumN,
                              List<String> mayTrigger, List<String> approverRoles, List<String> requiredDeclarations,
                              int noticeHours, List<String> embassySites) {

    public ActivationTerms {
        mayTrigger = List.copyOf(mayTrigger);
        approverRoles = List.copyOf(approverRoles);
        requiredDeclarations = List.copyOf(requiredDeclarations);
        embassySites = List.copyOf(embassySites);
    }

    /** Rejections that make the quorum unreachable: N − M + 1. */
    public int rejectionsToFail() {
        return quorumN - quorumM + 1;
    }
}
