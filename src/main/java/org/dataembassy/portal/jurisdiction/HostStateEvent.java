package org.dataembassy.portal.jurisdiction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact of the host state's situation, recorded with a jurisdiction review: every treaty decision sees it while
 * it is in force ({@code input.facts.events}).
 *
 * @param kind      as the treaty rules name it, e.g. {@code martial_law}
 * @param state     the state concerned (ISO code)
 * @param since     first day, included
 * @param until     last day, included; null while it lasts
 * @param sites     the embassy sites concerned
 * @param reference what it was recorded with ({@code jurisdiction-review:<id>}), as decisions cite it
 * @param reviewId  the jurisdiction review that recorded it; null for an event recorded otherwise
 */
public record HostStateEvent(String id, String kind, String state, LocalDate since, LocalDate until, List<String> sites,
                             String reference, String recordedBy, Instant recordedAt, String endedBy, String reviewId) {

    public HostStateEvent {
        sites = List.copyOf(sites);
    }

    /** In force on {@code day}: started, and not ended before it. */
    public boolean inForceOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || !until.isBefore(day));
    }
}
