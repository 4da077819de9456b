package org.dataembassy.portal.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.dataembassy.portal.agreements.AgreementRegistry.Publication;
import org.dataembassy.portal.agreements.internal.AgreementFiles;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.agreements.internal.DraftChecks;
import org.dataembassy.portal.agreements.internal.JurisdictionMeasures;
import org.dataembassy.portal.agreements.internal.PublicationLease;
import org.dataembassy.portal.agreements.internal.PublishedTrees;
import org.dataembassy.portal.agreements.internal.TermsJson;
import org.dataembassy.portal.agreements.internal.VersionGuard;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.PolicyActivation;
import org.dataembassy.portal.policy.PolicyProperties;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing in the agreement registry: an approved version, or a jurisdiction review's measure, goes out as a
 * signed bundle and counts as published once OPA reports it active. Publications on every node queue on the
 * database's publication lease ({@link PublicationLease}), held while OPA works and no connection is; on any failure
 * nothing changes here and the previous bundle stays active. Also what OPA runs now: the tree and its revision.
 */
@Service
public class AgreementPublishing {

    private final AgreementStore store;
    private final VersionGuard guard;
    private final DraftChecks checks;
    private final PublishedTrees trees;
    private final PolicyWorkbench workbench;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final PublicationLease lease;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration publishTimeout;

    AgreementPublishing(AgreementStore store, VersionGuard guard, DraftChecks checks, PublishedTrees trees,
                        PolicyWorkbench workbench, CurrentUser currentUser, ApplicationEventPublisher events,
                        PublicationLease lease, TransactionTemplate transactions, Clock clock,
                        PolicyProperties properties) {
        this.store = store;
        this.guard = guard;
        this.checks = checks;
        this.trees = trees;
        this.workbench = workbench;
        this.currentUser = currentUser;
        this.events = events;
        this.lease = lease;
        this.transactions = transactions;
        this.clock = clock;
        this.publishTimeout = properties.publishTimeout();
    }

    /**
     * Publishes an approved version: the tree of every agreement's published version with this one in place
     * is checked, tested, signed and served, and this returns once OPA reports the new revision active. On any
     * failure nothing changes here and the previous bundle stays active.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN')")
    public Publication publish(String key, int version) {
        try (PublicationLease.Held held = lease.acquire(leaseLength(), leaseWait())) {
            AgreementVersion v = requireApproved(guard.requireVersion(key, version));
            checks.requireReady(key, v.content());
            return activate(key, v.content(), held, () -> requireApproved(guard.requireVersion(key, version)).version());
        }
    }

    /**
     * Applies the outcome of a jurisdiction review to the agreement's published terms and publishes the result at
     * once (see {@link AgreementMeasure}), so OPA runs it in the next signed bundle. The new version
     * ({@link VersionKind#JURISDICTION}, authored by the system) names the assessing legal officer as its reviewer
     * and the justification as the review comment: the four-eyes decision is the review's (reporter and assessor
     * differ). The real OPA checks it (compile, treaty contract) as for any version; the agreement's own tests are
     * not run here, because a measure two officers decided must take effect whatever a test says. Tests that state
     * their decision date keep passing on the measure's version, which takes effect on its day
     * ({@code SuspensionVersionIT}).
     * Idempotent: when the published terms already carry the measure nothing is published and the current
     * publication is returned. On any failure nothing changes and the previous bundle stays active. SYSTEM only.
     *
     * @param reference what imposed the measure (e.g. {@code jurisdiction-review:<id>}), written into the terms
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Publication applyJurisdictionOutcome(String key, AgreementMeasure measure, String reference, String assessor,
                                                String justification) {
        guard.requireAgreement(key);
        try (PublicationLease.Held held = lease.acquire(leaseLength(), leaseWait())) {
            AgreementVersion current = store.published().stream().filter(v -> v.agreementKey().equals(key)).findFirst()
                    .orElseThrow(() -> new VersionStateException(key + " has no published version to " + measure));
            Optional<String> terms = JurisdictionMeasures.apply(current.termsJson(), measure, today(), reference);
            if (terms.isEmpty()) {
                return new Publication(key, current.version(), current.bundleRevision(), Duration.ZERO);
            }
            String note = measure + " by " + reference + ": " + justification;
            DraftContent content = new DraftContent(terms.get(), current.regoSource(), current.testsSource(),
                    note.length() > 2000 ? note.substring(0, 2000) : note);
            DraftCheck check = checks.check(key, content);
            if (!check.fieldErrors().isEmpty() || !check.problems().isEmpty()) {
                throw new PolicyRejectedException("the " + measure + " of " + key + " does not check: "
                        + check.fieldErrors(), check.problems());
            }
            String me = currentUser.requireUsername();
            JsonNode parsed = TermsJson.parseOrEmpty(content.termsJson());
            return activate(key, content, held, () -> { // in the recording transaction, once OPA runs the bundle
                int next = store.nextVersion(key);
                store.insertVersion(key, next, VersionStatus.DRAFT, VersionKind.JURISDICTION, current.version(),
                        current.title(), TermsJson.lifecycle(parsed, today()), content, me);
                store.markSubmitted(key, next);
                store.markReviewed(key, next, VersionStatus.APPROVED, assessor, justification);
                events.publishEvent(new AgreementEvent(key, next, "AGREEMENT_" + (measure == AgreementMeasure.SUSPEND
                        ? "SUSPENDED" : "RESTRICTED"), me, measure.name(), content.changeNote()));
                return next;
            });
        }
    }

    /**
     * The shipped rules with every agreement's published version in place; agreements with no published
     * version are left out. A published version identical to the shipped files keeps those files as they are.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public PolicyTree publishedTree() {
        return trees.current();
    }

    /** The revision of publication {@code seq}: the shipped rules' revision plus the registry's counter. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public String revision(long seq) {
        return trees.revision(seq);
    }

    private static AgreementVersion requireApproved(AgreementVersion v) {
        if (v.status() != VersionStatus.APPROVED) {
            throw new VersionStateException(v.label() + " is " + v.status() + "; only an approved version can be published");
        }
        return v;
    }

    /**
     * Signs and serves the tree with {@code content} in place and waits for OPA, holding the publication lease and
     * no database connection; then records the publication in one short transaction, in which {@code recordVersion}
     * first re-checks (or inserts) the version and names it. Should the recording fail, the bundle that was active
     * before is served again, so OPA runs what the registry says is published.
     */
    private Publication activate(String key, DraftContent content, PublicationLease.Held held, IntSupplier recordVersion) {
        long seq = store.nextPublication(); // nobody else publishes while the lease is held
        PolicyTree before = trees.current();
        String previous = workbench.servedRevision();
        PolicyTree tree = AgreementFiles.withAgreement(before, key, content).withRevision(trees.revision(seq));
        PolicyActivation activation = workbench.publish(tree, publishTimeout);
        String me = currentUser.requireUsername();
        try {
            return transactions.execute(tx -> {
                held.releaseOnCommit();
                store.lock(key);
                int version = recordVersion.getAsInt();
                store.markPublished(key, version, me, activation.revision());
                store.insertPublication(seq, activation.revision(), key, version, me,
                        activation.publishToActive().toMillis());
                events.publishEvent(new AgreementEvent(key, version, "VERSION_PUBLISHED", me, "PUBLISHED",
                        "bundle revision " + activation.revision() + " active in OPA after "
                                + activation.publishToActive().toMillis() + " ms"));
                return new Publication(key, version, activation.revision(), activation.publishToActive());
            });
        } catch (RuntimeException recordingFailed) {
            try {
                workbench.publish(before.withRevision(previous), publishTimeout);
            } catch (RuntimeException alsoFailed) {
                recordingFailed.addSuppressed(alsoFailed);
            }
            throw recordingFailed;
        }
    }

    /** How long a publication may hold the lease: its checks and tests, then OPA's activation, with room. */
    private Duration leaseLength() {
        return publishTimeout.multipliedBy(4).plusMinutes(3);
    }

    /** How long a publication waits for the one before it. */
    private Duration leaseWait() {
        return publishTimeout.multipliedBy(2).plusMinutes(1);
    }

    /** Today by the portal's clock, in UTC: the day a measure takes effect from. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
