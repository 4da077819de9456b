package org.dataembassy.portal.agreements;

import java.time.Duration;
import java.util.List;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyTree;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The agreement registry as one facade: every bilateral agreement, every version of its treaty rules, and their path
 * from draft through review (four eyes: the author never approves their own version) to a signed bundle active in
 * OPA. The work is done by {@link AgreementCatalog} (reading), {@link AgreementDrafting}, {@link AgreementReview},
 * {@link AgreementPublishing} and {@link AgreementImpact}; new code in this module calls those. This facade stays for
 * the other modules (jurisdiction, obligations) and the tests, with the same role on every method as the service's.
 */
@Service
public class AgreementRegistry {

    /** Most decisions an impact analysis replays. */
    public static final int MAX_REPLAY = AgreementImpact.MAX_REPLAY;

    private final AgreementCatalog catalog;
    private final AgreementDrafting drafting;
    private final AgreementReview review;
    private final AgreementPublishing publishing;
    private final AgreementImpact impact;

    AgreementRegistry(AgreementCatalog catalog, AgreementDrafting drafting, AgreementReview review,
                      AgreementPublishing publishing, AgreementImpact impact) {
        this.catalog = catalog;
        this.drafting = drafting;
        this.review = review;
        this.publishing = publishing;
        this.impact = impact;
    }

    /** A publication that OPA activated. */
    public record Publication(String agreementKey, int version, String revision, Duration publishToActive) {
    }

    /** {@link AgreementCatalog#agreements()}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public List<AgreementOverview> agreements() {
        return catalog.agreements();
    }

    /** {@link AgreementCatalog#versions(String)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public List<AgreementVersion> versions(String key) {
        return catalog.versions(key);
    }

    /** {@link AgreementCatalog#version(String, int)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public AgreementVersion version(String key, int version) {
        return catalog.version(key, version);
    }

    /** {@link AgreementReview#diff(String, int, int)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public VersionDiff diff(String key, int from, int to) {
        return review.diff(key, from, to);
    }

    /** {@link AgreementDrafting#create(NewAgreement)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion create(NewAgreement request) {
        return drafting.create(request);
    }

    /** {@link AgreementDrafting#newDraft(String, int)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion newDraft(String key, int basedOn) {
        return drafting.newDraft(key, basedOn);
    }

    /** {@link AgreementDrafting#check(String, DraftContent)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public DraftCheck check(String key, DraftContent content) {
        return drafting.check(key, content);
    }

    /** {@link AgreementDrafting#save(String, int, DraftContent)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion save(String key, int version, DraftContent content) {
        return drafting.save(key, version, content);
    }

    /** {@link AgreementDrafting#formatRego(String)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public FormattedRego formatRego(String source) {
        return drafting.formatRego(source);
    }

    /** {@link AgreementDrafting#runTests(String, int)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public TestReport runTests(String key, int version) {
        return drafting.runTests(key, version);
    }

    /** {@link AgreementDrafting#runTests(String, DraftContent)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public TestReport runTests(String key, DraftContent content) {
        return drafting.runTests(key, content);
    }

    /** {@link AgreementReview#submit(String, int)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion submit(String key, int version) {
        return review.submit(key, version);
    }

    /** {@link AgreementReview#approve(String, int, String)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion approve(String key, int version, String comment) {
        return review.approve(key, version, comment);
    }

    /** {@link AgreementReview#reject(String, int, String)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion reject(String key, int version, String comment) {
        return review.reject(key, version, comment);
    }

    /** {@link AgreementReview#requestRollback(String, int, String)}. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion requestRollback(String key, int toVersion, String reason) {
        return review.requestRollback(key, toVersion, reason);
    }

    /** {@link AgreementPublishing#publish(String, int)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN')")
    public Publication publish(String key, int version) {
        return publishing.publish(key, version);
    }

    /** {@link AgreementImpact#impact(String, int, int)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN')")
    public ImpactReport impact(String key, int version, int days) {
        return impact.impact(key, version, days);
    }

    /** {@link AgreementPublishing#publishedTree()}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public PolicyTree publishedTree() {
        return publishing.publishedTree();
    }

    /** {@link AgreementPublishing#revision(long)}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public String revision(long seq) {
        return publishing.revision(seq);
    }

    /** {@link AgreementCatalog#standings()}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public List<AgreementStanding> standings() {
        return catalog.standings();
    }

    /** {@link AgreementPublishing#applyJurisdictionOutcome}. */
    @PreAuthorize("hasRole('SYSTEM')")
    public Publication applyJurisdictionOutcome(String key, AgreementMeasure measure, String reference, String assessor,
                                                String justification) {
        return publishing.applyJurisdictionOutcome(key, measure, reference, assessor, justification);
    }
}
