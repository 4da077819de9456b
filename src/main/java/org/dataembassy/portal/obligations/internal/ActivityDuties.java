package org.dataembassy.portal.obligations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dataembassy.portal.activation.ActivationEvent;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewEvent;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.obligations.Obligations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Workflows change what agreements owe, in the workflow step's own transaction (as the step's system account):
 * <ul>
 *   <li>an emergency activation declared ACTIVE may owe the host a notice after activation: the agreement's duties are
 *       asked again at once (the activation is a fact of the duties entry point), not at the next hourly check;</li>
 *   <li>a jurisdiction review closed meets the agreement's duties whose clause says {@code fulfilled_by:
 *       jurisdiction_review} (a periodic assessment of the host's legal situation), with the review as evidence.</li>
 * </ul>
 * A failure here fails the step, which Camunda retries, so a review is never closed without its duties recorded met.
 */
@Component
class ActivityDuties {

    private final Obligations obligations;
    private final EmergencyActivations activations;
    private final JurisdictionReviews reviews;
    private final Clock clock;

    ActivityDuties(Obligations obligations, EmergencyActivations activations, JurisdictionReviews reviews, Clock clock) {
        this.obligations = obligations;
        this.activations = activations;
        this.reviews = reviews;
        this.clock = clock;
    }

    @EventListener(condition = "#event.action() == 'ACTIVATION_ACTIVE' and #event.outcome() == 'ACTIVE'")
    void activated(ActivationEvent event) {
        obligations.refresh(activations.find(event.activationId()).agreementKey());
    }

    @EventListener(condition = "#event.action() == 'JURISDICTION_REVIEW_CLOSED'")
    void reviewClosed(JurisdictionReviewEvent event) {
        JurisdictionReview review = reviews.find(event.reviewId());
        obligations.fulfilThrough(review.agreementKey(), Obligations.JURISDICTION_REVIEW,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), "jurisdiction review " + review.id() + " ("
                        + review.eventKind().label() + ") closed with the outcome " + review.outcome());
    }
}
