package org.dataembassy.portal.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.agreements.internal.DraftChecks;
import org.dataembassy.portal.agreements.internal.NewAgreements;
import org.dataembassy.portal.agreements.internal.TermsJson;
import org.dataembassy.portal.agreements.internal.VersionGuard;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafting in the agreement registry: new agreements (blank or from a named template, {@link NewAgreement}), new
 * drafts, checks and tests by the real OPA as the editor types, and saving a draft of one's own. OPA works before
 * any connection is taken; what it saw is re-checked in the short transaction that records the change.
 */
@Service
public class AgreementDrafting {

    private final AgreementStore store;
    private final VersionGuard guard;
    private final DraftChecks checks;
    private final NewAgreements newAgreements;
    private final PolicyWorkbench workbench;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AgreementDrafting(AgreementStore store, VersionGuard guard, DraftChecks checks, NewAgreements newAgreements,
                      PolicyWorkbench workbench, CurrentUser currentUser, ApplicationEventPublisher events,
                      TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.checks = checks;
        this.newAgreements = newAgreements;
        this.workbench = workbench;
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates an agreement between two states with a first draft: blank terms, or the clauses of the template the
     * request names. Refused by field ({@link InvalidInputException}) with nothing stored.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion create(NewAgreement request) {
        NewAgreements.Plan plan = newAgreements.plan(request); // formatting the Rego ran OPA, holding no connection
        String key = plan.key();
        String author = currentUser.requireUsername();
        return transactions.execute(tx -> {
            store.insertAgreement(key, key.replace('_', '-'), author); // a key taken meanwhile fails on its primary key
            store.insertVersion(key, 1, VersionStatus.DRAFT, VersionKind.NEW, null, plan.title(), "DRAFT",
                    plan.content(), author);
            events.publishEvent(new AgreementEvent(key, 1, "AGREEMENT_CREATED", author, "DRAFT",
                    plan.title() + " (" + plan.parties() + ")"));
            return guard.requireVersion(key, 1);
        });
    }

    /** A new draft copying {@code basedOn} (any version of the agreement). */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public AgreementVersion newDraft(String key, int basedOn) {
        guard.requireAgreement(key);
        store.lock(key);
        AgreementVersion base = guard.requireVersion(key, basedOn);
        int next = store.nextVersion(key);
        String author = currentUser.requireUsername();
        DraftContent content = new DraftContent(base.termsJson(), base.regoSource(), base.testsSource(),
                "changes to v" + basedOn);
        store.insertVersion(key, next, VersionStatus.DRAFT, VersionKind.EDIT, basedOn, base.title(), base.lifecycle(),
                content, author);
        events.publishEvent(new AgreementEvent(key, next, "VERSION_DRAFTED", author, "DRAFT", "based on v" + basedOn));
        return guard.requireVersion(key, next);
    }

    /** Checks content as the editor has it, with the real OPA; stores nothing. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public DraftCheck check(String key, DraftContent content) {
        return checks.check(key, content);
    }

    /**
     * Stores new content in a draft of the caller's. Refused with nothing changed when the clauses are invalid
     * ({@link InvalidInputException}, by field) or the Rego does not compile ({@link PolicyRejectedException},
     * with line and column). The Rego parts are stored as {@code opa fmt} formats them.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion save(String key, int version, DraftContent content) {
        return save(key, version, content, null);
    }

    /**
     * Saves a draft only if it is still in the state {@code ifMatch} names ({@link AgreementVersion#etag()}; null:
     * whatever its state), else {@link StaleVersionException} and nothing changes. Checked under the agreement's
     * row lock, after OPA's checks, so two saves of the same state cannot both win. LEGAL_OFFICER.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion save(String key, int version, DraftContent content, String ifMatch) {
        VersionGuard.requireComplete(content);
        AgreementVersion draft = guard.requireVersion(key, version);
        String me = currentUser.requireUsername();
        guard.requireDraftOf(draft);
        String note = content.changeNote() == null ? "" : content.changeNote().strip();
        DraftContent formatted = new DraftContent(content.termsJson(), checks.formatOrKeep(content.regoSource()),
                checks.formatOrKeep(content.testsSource()), note);
        DraftCheck check = checks.check(key, formatted);
        if (!check.fieldErrors().isEmpty()) {
            throw new InvalidInputException(check.fieldErrors());
        }
        if (!check.problems().isEmpty()) {
            throw new PolicyRejectedException("not saved: the treaty rules do not compile or break the contract",
                    check.problems());
        }
        JsonNode terms = TermsJson.parseOrEmpty(formatted.termsJson());
        String lifecycle = TermsJson.lifecycle(terms, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return transactions.execute(tx -> { // OPA's checks ran above, holding no connection
            store.lock(key);
            AgreementVersion current = guard.requireVersion(key, version);
            VersionGuard.requireStillDraft(current);
            if (ifMatch != null && !ifMatch.equals(current.etag())) {
                throw new StaleVersionException(current.label(), ifMatch, current.etag());
            }
            store.updateContent(key, version, terms.path("title").asText(), lifecycle, formatted);
            events.publishEvent(new AgreementEvent(key, version, "VERSION_SAVED", me, "DRAFT", note));
            return guard.requireVersion(key, version);
        });
    }

    /** {@code opa fmt} of a Rego text, for the editor's format-on-save. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public FormattedRego formatRego(String source) {
        return workbench.format("rego", source);
    }

    /** Runs the agreement's tests against a stored version, with coverage per article. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public TestReport runTests(String key, int version) {
        return checks.runTests(key, guard.requireVersion(key, version).content());
    }

    /** Runs the agreement's tests against content as the editor has it (nothing stored). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public TestReport runTests(String key, DraftContent content) {
        return checks.runTests(key, content);
    }
}
