package org.dataembassy.portal.obligations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A duty an agreement imposes, as the treaty rules stated it and the portal tracks it.
 *
 * @param clause      the clause it comes from ({@code audit.minimum})
 * @param article     the article it comes from ("" when the clause names none)
 * @param owedBy      the state that owes it
 * @param owedTo      the state it is owed to
 * @param due         the first instant at which it is overdue
 * @param fulfilledOn the day a legal officer recorded it done; null until then
 * @param breachedAt  when the portal found it overdue; null when it never was
 * @param fulfilledThrough the portal activity whose completion meets it ({@code jurisdiction_review}); null when
 *                    only a legal officer's entry does
 * @param remindAt    when its reminder is due (a share of its period before {@code due})
 * @param remindedAt  when the reminder went out; null before
 */
public record TrackedObligation(String id, String agreementKey, String code, String clause, String article, String action,
                                String owedBy, String owedTo, Instant due, ObligationStatus status, LocalDate fulfilledOn,
                                String fulfilledBy, String evidence, Instant breachedAt,
                                String fulfilledThrough, Instant remindAt, Instant remindedAt) {

    public static String subject(String id) {
        return "obligation:" + id;
    }
}
