package org.dataembassy.portal.agreements;

import java.util.List;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.agreements.internal.DraftChecks;
import org.dataembassy.portal.agreements.internal.LineDiff;
import org.dataembassy.portal.agreements.internal.RegistryLimits;
import org.dataembassy.portal.agreements.internal.VersionGuard;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review in the agreement registry, four eyes: the author submits a draft that compiles, keeps the contract and
 * passes its tests; a second legal officer approves or rejects it (the authorization policy refuses the author,
 * {@link FourEyesException}); a rollback is a new version with an earlier publication's content, in review at once.
 */
@Service
public class AgreementReview {

    private final AgreementStore store;
    private final VersionGuard guard;
    private final DraftChecks checks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    AgreementReview(AgreementStore store, VersionGuard guard, DraftChecks checks, CurrentUser currentUser,
                    ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.store = store;
        this.guard = guard;
        this.checks = checks;
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
    }

    /** The author hands a draft to review; it must compile, keep the contract and pass its tests. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion submit(String key, int version) {
        AgreementVersion draft = guard.requireVersion(key, version);
        String me = currentUser.requireUsername();
        guard.requireDraftOf(draft);
        checks.requireReady(key, draft.content()); // OPA's checks and tests, holding no connection
        return transactions.execute(tx -> {
            store.lock(key);
            AgreementVersion now = guard.requireVersion(key, version);
            VersionGuard.requireStillDraft(now);
            if (!now.content().equals(draft.content())) {
                throw new VersionStateException(now.label() + " was saved again while it was being checked; submit it"
                        + " again to have the saved content checked");
            }
            store.markSubmitted(key, version);
            events.publishEvent(new AgreementEvent(key, version, "VERSION_SUBMITTED", me, "IN_REVIEW",
                    draft.changeNote()));
            return guard.requireVersion(key, version);
        });
    }

    /** A second legal officer approves a version in review. The author cannot. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public AgreementVersion approve(String key, int version, String comment) {
        return review(key, version, true, RegistryLimits.requireComment(comment));
    }

    /** A second legal officer rejects a version in review, saying why. The author cannot. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public AgreementVersion reject(String key, int version, String comment) {
        if (comment == null || comment.isBlank()) {
            throw InvalidInputException.of("comment", "say why the version is rejected");
        }
        return review(key, version, false, RegistryLimits.requireComment(comment));
    }

    private AgreementVersion review(String key, int version, boolean approve, String comment) {
        store.lock(key);
        AgreementVersion v = guard.requireVersion(key, version);
        String me = currentUser.requireUsername();
        if (v.status() != VersionStatus.IN_REVIEW) {
            throw new VersionStateException(v.label() + " is " + v.status() + "; only a version in review can be "
                    + (approve ? "approved" : "rejected"));
        }
        guard.authorize("agreement.version.review", key, v);
        VersionStatus outcome = approve ? VersionStatus.APPROVED : VersionStatus.REJECTED;
        store.markReviewed(key, version, outcome, me, comment);
        events.publishEvent(new AgreementEvent(key, version, approve ? "VERSION_APPROVED" : "VERSION_REJECTED", me,
                outcome.name(), comment));
        return guard.requireVersion(key, version);
    }

    /**
     * Asks for an earlier published version to be published again: one action creates a new version with that
     * content, already in review. A second legal officer approves it, then it is published like any other.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion requestRollback(String key, int toVersion, String reason) {
        RegistryLimits.requireRollbackReason(reason);
        AgreementVersion target = guard.requireVersion(key, toVersion);
        if (target.status() != VersionStatus.SUPERSEDED) {
            throw new VersionStateException("only a previously published (superseded) version can be rolled back to; "
                    + target.label() + " is " + target.status());
        }
        checks.requireReady(key, target.content()); // a superseded version never changes: no re-check after
        String me = currentUser.requireUsername();
        DraftContent content = new DraftContent(target.termsJson(), target.regoSource(), target.testsSource(),
                "rollback to v" + toVersion + ": " + reason.strip());
        return transactions.execute(tx -> {
            store.lock(key);
            int next = store.nextVersion(key);
            store.insertVersion(key, next, VersionStatus.DRAFT, VersionKind.ROLLBACK, toVersion, target.title(),
                    target.lifecycle(), content, me);
            store.markSubmitted(key, next);
            events.publishEvent(new AgreementEvent(key, next, "ROLLBACK_REQUESTED", me, "IN_REVIEW",
                    content.changeNote()));
            return guard.requireVersion(key, next);
        });
    }

    /** Side-by-side differences of terms, Rego and tests between two versions of one agreement. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public VersionDiff diff(String key, int from, int to) {
        AgreementVersion a = guard.requireVersion(key, from);
        AgreementVersion b = guard.requireVersion(key, to);
        return new VersionDiff(key, from, to, List.of(
                LineDiff.compare("terms", a.termsJson(), b.termsJson()),
                LineDiff.compare("rego", a.regoSource(), b.regoSource()),
                LineDiff.compare("tests", a.testsSource(), b.testsSource())));
    }
}
