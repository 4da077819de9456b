package org.dataembassy.portal.activation;

import java.time.Instant;

/**
 * One committee member's vote. The trigger's (and a stand-down requester's) own approval is a vote too.
 *
 * @param treatyRole the member's role under the agreement (from the committee roster)
 * @param withShare  whether the approval carried a key share (the share itself is never stored)
 */
public record ActivationVote(VoteKind kind, int round, String member, String treatyRole, boolean approve,
                             boolean withShare, Instant castAt) {
}
