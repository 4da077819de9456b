package org.dataembassy.portal.agreements;

import java.time.Instant;

/**
 * An agreement as OPA runs it now (its published version), for jurisdiction reviews.
 *
 * @param lifecycle   IN_FORCE, SUSPENDED … as the published terms say
 * @param restricted  true when a jurisdiction review restricted it (new transfers need review)
 * @param publishedAt when the published version was published; null only for data imported without a date
 */
public record AgreementStanding(String key, String id, String originatingState, String hostState, String lifecycle,
                                boolean restricted, int publishedVersion, Instant publishedAt) {
}
