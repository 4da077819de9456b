package org.dataembassy.portal.policy;

import java.time.Instant;

/**
 * An OPA that pulls the portal's bundle and reports its status to the portal (OPA's status plugin).
 *
 * @param id             OPA's instance id (new at every OPA start)
 * @param role           the {@code role} label from its configuration ("supervised", or what an operator set)
 * @param version        OPA's version
 * @param activeRevision revision of the portal bundle it runs now; empty when none is active
 * @param servedRevision the revision the portal serves now; differs while the OPA has not pulled it yet
 * @param problem        OPA's last bundle error ("" when the last download and activation succeeded)
 * @param reportedAt     when this report arrived
 * @param lastActivation when OPA last activated a bundle successfully, as it reports; null when it has not said
 */
public record OpaInstance(String id, String role, String version, String activeRevision, String servedRevision,
                          String problem, Instant reportedAt, Instant lastActivation) {

    public boolean current() {
        return activeRevision.equals(servedRevision) && problem.isEmpty();
    }
}
