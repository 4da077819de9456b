package org.dataembassy.portal.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A duty a decision carries (never a precondition of it), as the treaty rules stated it.
 *
 * @param code        stable machine code, e.g. {@code HOST_NOTICE_AFTER_ACTIVATION}
 * @param action      what is to be done, in words
 * @param article     the article the duty comes from ("" when its clause names none)
 * @param clause      the clause of the terms it comes from
 * @param agreement   agreement id
 * @param owedBy      the state that owes it (ISO code)
 * @param owedTo      the state it is owed to
 * @param due         the first instant at which it is overdue
 * @param within      the period it was computed from (ISO 8601 duration), null for a fixed date
 * @param conditional true when the decision was a review: binding only once a legal officer approves
 * @param status      {@code open}, {@code overdue} or {@code fulfilled} in an answer of the duties entry point,
 *                    null in other decisions
 * @param fulfilledThrough the portal activity whose completion meets the duty ({@code jurisdiction_review}; the
 *                    rules' {@code fulfilled_by}), null when only a legal officer's entry records it done
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Obligation(String code, String action, String article, String clause, String agreement, String owedBy,
                         String owedTo, Instant due, String within, boolean conditional, String status,
                         String fulfilledThrough) {
}
