package org.dataembassy.portal.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dataembassy.portal.agreements.internal.AgreementFiles;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.agreements.internal.PublicationLease;
import org.dataembassy.portal.agreements.internal.JurisdictionMeasures;
import org.dataembassy.portal.agreements.internal.ArticleCoverageCalculator;
import org.dataembassy.portal.agreements.internal.LineDiff;
import org.dataembassy.portal.agreements.internal.RegistryLimits;
import org.dataembassy.portal.agreements.internal.TermsJson;
import org.dataembassy.portal.agreements.internal.TermsValidator;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.policy.DecisionHistory;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyActivation;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyProperties;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyVerdict;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.policy.RecordedDecision;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agreement registry: every bilateral agreement, every version of its treaty rules, and their path from
 * draft through review (four eyes: the author never approves their own version) to a signed bundle active
 * in OPA. Only the agreement's own files change; the shared rules (entry points, generic clauses, contract)
 * ship with the portal. A version is checked by the real OPA at every step — compile errors with line and
 * column, the treaty contract, the agreement's tests — and nothing is published that fails; when OPA does not
 * activate a publication, the previous bundle stays active and the version stays approved.
 */
@Service
public class AgreementRegistry {

    /** Most decisions an impact analysis replays. */
    public static final int MAX_REPLAY = 10_000;

    private final AgreementStore store;
    private final PolicyWorkbench workbench;
    private final DecisionHistory history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Duration publishTimeout;

    private final AccessPolicy access;
    private final PublicationLease lease;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    AgreementRegistry(AgreementStore store, PolicyWorkbench workbench, DecisionHistory history, CurrentUser currentUser,
                      ApplicationEventPublisher events, PolicyProperties properties, AccessPolicy access,
                      PublicationLease lease, TransactionTemplate transactions, java.time.Clock clock) {
        this.clock = clock;
        this.access = access;
        this.lease = lease;
        this.transactions = transactions;
        this.store = store;
        this.workbench = workbench;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.publishTimeout = properties.publishTimeout();
    }

    // ------------------------------------------------------------------ reading

    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AgreementOverview> agreements() {
        return store.overviews();
    }

    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AgreementVersion> versions(String key) {
        requireAgreement(key);
        return store.versions(key);
    }

    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public AgreementVersion version(String key, int version) {
        return requireVersion(key, version);
    }

    /** Side-by-side differences of terms, Rego and tests between two versions of one agreement. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public VersionDiff diff(String key, int from, int to) {
        AgreementVersion a = requireVersion(key, from);
        AgreementVersion b = requireVersion(key, to);
        return new VersionDiff(key, from, to, List.of(
                LineDiff.compare("terms", a.termsJson(), b.termsJson()),
                LineDiff.compare("rego", a.regoSource(), b.regoSource()),
                LineDiff.compare("tests", a.testsSource(), b.testsSource())));
    }

    // ------------------------------------------------------------------ drafting

    /** Creates an agreement between two states with a first draft built from a seed's clause structure. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion create(NewAgreement request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String originating = country(request.originatingState(), "originatingState", errors);
        String host = country(request.hostState(), "hostState", errors);
        if (originating != null && originating.equals(host)) {
            errors.put("hostState", "must differ from the originating state");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.put("title", "required");
        } else if (title.length() > RegistryLimits.TITLE) {
            errors.put("title", RegistryLimits.atMost(RegistryLimits.TITLE));
        }
        RegistryLimits.requireTreatyReference(request.treatyReference(), errors);
        String suffix = request.suffix() == null ? "" : request.suffix().strip().toLowerCase(java.util.Locale.ROOT);
        if (!suffix.isEmpty() && !suffix.matches("[a-z0-9]{1,12}")) {
            errors.put("suffix", "1 to 12 lower-case letters or digits");
        }
        if (request.schemaVersion() != null && request.schemaVersion() != 1 && request.schemaVersion() != 2) {
            errors.put("schemaVersion", "1 (the seeds' terms) or 2 (the clause vocabulary of docs/policy-authoring.md)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String key = originating.toLowerCase(java.util.Locale.ROOT) + "_" + host.toLowerCase(java.util.Locale.ROOT)
                + (suffix.isEmpty() ? "" : "_" + suffix);
        if (store.exists(key)) {
            throw InvalidInputException.of(suffix.isEmpty() ? "hostState" : "suffix", "agreement " + key
                    + " exists already; give a suffix to register a second agreement between these states");
        }
        String reference = request.treatyReference() == null ? "" : request.treatyReference().strip();
        boolean v2 = Integer.valueOf(2).equals(request.schemaVersion());
        String terms = v2 ? AgreementFiles.blankTermsV2(key, title, reference, originating, host)
                : AgreementFiles.newTerms(template(), key, title, reference, originating, host);
        DraftContent content = new DraftContent(terms,
                format(v2 ? AgreementFiles.generatedRegoV2(key) : AgreementFiles.generatedRego(key)),
                format(v2 ? AgreementFiles.generatedTestsV2(key) : AgreementFiles.generatedTests(key)), "first draft");
        String author = currentUser.requireUsername();
        String created = originating + " → " + host;
        return transactions.execute(tx -> { // the formatting above ran OPA, holding no connection
            store.insertAgreement(key, key.replace('_', '-'), author); // a key taken meanwhile fails on its primary key
            store.insertVersion(key, 1, VersionStatus.DRAFT, VersionKind.NEW, null, title, "DRAFT", content, author);
            events.publishEvent(new AgreementEvent(key, 1, "AGREEMENT_CREATED", author, "DRAFT",
                    title + " (" + created + ")"));
            return requireVersion(key, 1);
        });
    }

    /** A new draft copying {@code basedOn} (any version of the agreement). */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public AgreementVersion newDraft(String key, int basedOn) {
        requireAgreement(key);
        store.lock(key);
        AgreementVersion base = requireVersion(key, basedOn);
        int next = store.nextVersion(key);
        String author = currentUser.requireUsername();
        DraftContent content = new DraftContent(base.termsJson(), base.regoSource(), base.testsSource(),
                "changes to v" + basedOn);
        store.insertVersion(key, next, VersionStatus.DRAFT, VersionKind.EDIT, basedOn, base.title(), base.lifecycle(),
                content, author);
        events.publishEvent(new AgreementEvent(key, next, "VERSION_DRAFTED", author, "DRAFT", "based on v" + basedOn));
        return requireVersion(key, next);
    }

    /** Checks content as the editor has it, with the real OPA; stores nothing. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public DraftCheck check(String key, DraftContent content) {
        requireComplete(content);
        requireAgreement(key);
        Map<String, String> fieldErrors = TermsValidator.validate(key, content.termsJson());
        if (fieldErrors.containsKey("terms")) {
            return new DraftCheck(fieldErrors, List.of()); // not JSON: nothing to compile against
        }
        PolicyTree tree = AgreementFiles.withAgreement(publishedTree(), key, content);
        List<PolicyProblem> problems = new ArrayList<>(workbench.check(tree).stream().map(p -> part(key, p)).toList());
        if (problems.isEmpty()) {
            workbench.contractViolations(tree).stream()
                    .filter(v -> v.startsWith(key + ":"))
                    .forEach(v -> problems.add(new PolicyProblem(DraftCheck.REGO, 0, 0, "contract_violation", v)));
        }
        return new DraftCheck(fieldErrors, problems);
    }

    /**
     * Stores new content in a draft of the caller's. Refused with nothing changed when the clauses are invalid
     * ({@link InvalidInputException}, by field) or the Rego does not compile ({@link PolicyRejectedException},
     * with line and column). The Rego parts are stored as {@code opa fmt} formats them.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion save(String key, int version, DraftContent content) {
        requireComplete(content);
        AgreementVersion draft = requireVersion(key, version);
        String me = currentUser.requireUsername();
        requireDraftOf(draft, me);
        String note = content.changeNote() == null ? "" : content.changeNote().strip();
        DraftContent formatted = new DraftContent(content.termsJson(), formatOrKeep(content.regoSource()),
                formatOrKeep(content.testsSource()), note);
        DraftCheck check = check(key, formatted);
        if (!check.fieldErrors().isEmpty()) {
            throw new InvalidInputException(check.fieldErrors());
        }
        if (!check.problems().isEmpty()) {
            throw new PolicyRejectedException("not saved: the treaty rules do not compile or break the contract",
                    check.problems());
        }
        JsonNode terms = TermsJson.parseOrEmpty(formatted.termsJson());
        return transactions.execute(tx -> { // OPA's checks ran above, holding no connection
            store.lock(key);
            requireStillDraft(requireVersion(key, version));
            store.updateContent(key, version, terms.path("title").asText(), TermsJson.lifecycle(terms, today()),
                    formatted);
            events.publishEvent(new AgreementEvent(key, version, "VERSION_SAVED", me, "DRAFT", note));
            return requireVersion(key, version);
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
        return runTests(key, requireVersion(key, version).content());
    }

    /** Runs the agreement's tests against content as the editor has it (nothing stored). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public TestReport runTests(String key, DraftContent content) {
        requireAgreement(key);
        if (!TermsValidator.validate(key, content.termsJson()).isEmpty()) {
            Map<String, String> errors = TermsValidator.validate(key, content.termsJson());
            throw new InvalidInputException(errors);
        }
        PolicyTree tree = AgreementFiles.withAgreement(publishedTree(), key, content);
        PolicyTestRun run = workbench.test(tree, "^data\\.dataembassy\\." + key + "_test\\.");
        PolicyTestRun parts = new PolicyTestRun(run.results().stream().map(r -> new org.dataembassy.portal.policy.PolicyTestResult(
                r.packageName(), r.name(), partName(key, r.file()), r.line(), r.passed(), r.message(), r.durationNanos()))
                .toList(), run.coverage(), run.problems().stream().map(p -> part(key, p)).toList());
        return new TestReport(parts, ArticleCoverageCalculator.compute(tree, key, content.termsJson(), run));
    }

    // ------------------------------------------------------------------ review

    /** The author hands a draft to review; it must compile, keep the contract and pass its tests. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion submit(String key, int version) {
        AgreementVersion draft = requireVersion(key, version);
        String me = currentUser.requireUsername();
        requireDraftOf(draft, me);
        requireReady(key, draft.content()); // OPA's checks and tests, holding no connection
        return transactions.execute(tx -> {
            store.lock(key);
            AgreementVersion now = requireVersion(key, version);
            requireStillDraft(now);
            if (!now.content().equals(draft.content())) {
                throw new VersionStateException(now.label() + " was saved again while it was being checked; submit it"
                        + " again to have the saved content checked");
            }
            store.markSubmitted(key, version);
            events.publishEvent(new AgreementEvent(key, version, "VERSION_SUBMITTED", me, "IN_REVIEW",
                    draft.changeNote()));
            return requireVersion(key, version);
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
        AgreementVersion v = requireVersion(key, version);
        String me = currentUser.requireUsername();
        if (v.status() != VersionStatus.IN_REVIEW) {
            throw new VersionStateException(v.label() + " is " + v.status() + "; only a version in review can be "
                    + (approve ? "approved" : "rejected"));
        }
        authorize("agreement.version.review", key, v);
        String text = comment;
        VersionStatus outcome = approve ? VersionStatus.APPROVED : VersionStatus.REJECTED;
        store.markReviewed(key, version, outcome, me, text);
        events.publishEvent(new AgreementEvent(key, version, approve ? "VERSION_APPROVED" : "VERSION_REJECTED", me,
                outcome.name(), text));
        return requireVersion(key, version);
    }

    /**
     * Asks for an earlier published version to be published again: one action creates a new version with that
     * content, already in review. A second legal officer approves it, then it is published like any other.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    public AgreementVersion requestRollback(String key, int toVersion, String reason) {
        RegistryLimits.requireRollbackReason(reason);
        AgreementVersion target = requireVersion(key, toVersion);
        if (target.status() != VersionStatus.SUPERSEDED) {
            throw new VersionStateException("only a previously published (superseded) version can be rolled back to; "
                    + target.label() + " is " + target.status());
        }
        requireReady(key, target.content()); // a superseded version never changes: no re-check after
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
            return requireVersion(key, next);
        });
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Publishes an approved version: the tree of every agreement's published version with this one in place
     * is checked, tested, signed and served, and this returns once OPA reports the new revision active. On any
     * failure nothing changes here and the previous bundle stays active.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN')")
    public Publication publish(String key, int version) {
        try (PublicationLease.Held held = lease.acquire(leaseLength(), leaseWait())) {
            AgreementVersion v = requireApproved(requireVersion(key, version));
            requireReady(key, v.content());
            return activate(key, v.content(), held, () -> requireApproved(requireVersion(key, version)).version());
        }
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
    private Publication activate(String key, DraftContent content, PublicationLease.Held held,
                                 java.util.function.IntSupplier recordVersion) {
        long seq = store.nextPublication(); // nobody else publishes while the lease is held
        PolicyTree before = publishedTree();
        String previous = workbench.servedRevision();
        PolicyTree tree = AgreementFiles.withAgreement(before, key, content).withRevision(revision(seq));
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

    /** A publication that OPA activated. */
    public record Publication(String agreementKey, int version, String revision, Duration publishToActive) {
    }

    // ------------------------------------------------------------------ impact

    /**
     * Replays the decisions recorded in the last {@code days} days that concern this agreement against the
     * policy as it would be with {@code version} published, and lists every decision whose outcome or
     * reasons would change. Each input is replayed at its original decision time (unless it names its own),
     * so validity windows judge as they did then and only the rules differ.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN')")
    public ImpactReport impact(String key, int version, int days) {
        if (days < 1 || days > 3650) {
            throw InvalidInputException.of("days", "between 1 and 3650");
        }
        AgreementVersion v = requireVersion(key, version);
        Instant since = Instant.now().minus(days, ChronoUnit.DAYS);
        List<RecordedDecision> recorded = history.since(since, MAX_REPLAY).stream()
                .filter(d -> key.equals(d.input().get("agreement")))
                .filter(d -> !d.reasons().stream().anyMatch(r -> Reason.ENGINE_UNAVAILABLE.equals(r.code())))
                .toList();
        PolicyTree tree = AgreementFiles.withAgreement(publishedTree(), key, v.content());
        Map<String, List<RecordedDecision>> byEntry = new LinkedHashMap<>();
        recorded.forEach(d -> byEntry.computeIfAbsent(d.entryPoint(), e -> new ArrayList<>()).add(d));
        List<ChangedDecision> changed = new ArrayList<>();
        for (Map.Entry<String, List<RecordedDecision>> entry : byEntry.entrySet()) {
            List<Map<String, Object>> inputs = entry.getValue().stream().map(AgreementRegistry::atDecisionTime).toList();
            List<PolicyVerdict> verdicts;
            try {
                verdicts = workbench.evaluate(tree, entry.getKey(), inputs);
            } catch (PolicyRejectedException e) { // does not compile, e.g. calls a builtin the sandbox removed
                throw new PolicyRejectedException("not replayed: the version cannot be evaluated",
                        e.problems().stream().map(p -> part(key, p)).toList());
            }
            for (int i = 0; i < verdicts.size(); i++) {
                RecordedDecision before = entry.getValue().get(i);
                PolicyVerdict after = verdicts.get(i);
                if (before.outcome() != after.outcome() || !sameReasons(before.reasons(), after.reasons())) {
                    changed.add(new ChangedDecision(before.id(), before.decidedAt(), before.entryPoint(), before.subject(),
                            before.outcome(), before.reasons(), after.outcome(), after.reasons()));
                }
            }
        }
        changed.sort(java.util.Comparator.comparing(ChangedDecision::decidedAt));
        return new ImpactReport(key, version, since, recorded.size(), changed);
    }

    private static Map<String, Object> atDecisionTime(RecordedDecision d) {
        if (d.input().containsKey("at")) {
            return d.input();
        }
        Map<String, Object> input = new LinkedHashMap<>(d.input());
        input.put("at", d.decidedAt().toString());
        return input;
    }

    private static boolean sameReasons(List<Reason> a, List<Reason> b) {
        Set<String> left = new HashSet<>();
        a.forEach(r -> left.add(r.code() + "|" + r.article() + "|" + r.agreement()));
        Set<String> right = new HashSet<>();
        b.forEach(r -> right.add(r.code() + "|" + r.article() + "|" + r.agreement()));
        return left.equals(right);
    }

    // ------------------------------------------------------------------ the published tree

    /**
     * The shipped rules with every agreement's published version in place; agreements with no published
     * version are left out. A published version identical to the shipped files keeps those files as they are.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public PolicyTree publishedTree() {
        PolicyTree baseline = workbench.baseline();
        Map<String, DraftContent> shipped = AgreementFiles.agreementsIn(baseline);
        PolicyTree tree = baseline;
        for (String key : shipped.keySet()) {
            if (AgreementFiles.isKey(key)) { // others are not imported (RegistryStartup) and stay as shipped
                tree = AgreementFiles.withAgreement(tree, key, null);
            }
        }
        for (AgreementVersion v : store.published()) {
            DraftContent original = shipped.get(v.agreementKey());
            boolean unchanged = original != null && original.termsJson().equals(v.termsJson())
                    && original.regoSource().equals(v.regoSource()) && original.testsSource().equals(v.testsSource());
            if (unchanged) {
                for (String path : baseline.files().keySet()) {
                    if (path.startsWith(AgreementFiles.folder(v.agreementKey()))) {
                        tree = tree.with(path, baseline.files().get(path));
                    }
                }
            } else {
                tree = AgreementFiles.withAgreement(tree, v.agreementKey(), v.content());
            }
        }
        return tree;
    }

    /** The revision of publication {@code seq}: the shipped rules' revision plus the registry's counter. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public String revision(long seq) {
        return workbench.baseline().revision() + "+r" + seq;
    }

    // ------------------------------------------------------------------ helpers

    private void requireReady(String key, DraftContent content) {
        DraftCheck check = check(key, content);
        if (!check.fieldErrors().isEmpty()) {
            throw new InvalidInputException(check.fieldErrors());
        }
        if (!check.problems().isEmpty()) {
            throw new PolicyRejectedException("the treaty rules do not compile or break the contract", check.problems());
        }
        TestReport tests = runTests(key, content);
        if (!tests.passed()) {
            List<PolicyProblem> failures = tests.run().results().isEmpty() && tests.run().problems().isEmpty()
                    ? List.of(new PolicyProblem(DraftCheck.TESTS, 0, 0, "no_tests", "the agreement has no tests"))
                    : new ArrayList<>(tests.run().problems());
            tests.run().failures().forEach(f -> failures.add(new PolicyProblem(f.file(), f.line(), 0, "test_failed",
                    f.name() + ": " + f.message())));
            throw new PolicyRejectedException("the agreement's tests fail", failures);
        }
    }

    /** Validated here, after the caller's role was checked, so nobody learns anything from a malformed request. */
    private static void requireComplete(DraftContent content) {
        if (content == null || content.termsJson() == null || content.regoSource() == null
                || content.testsSource() == null) {
            throw InvalidInputException.of("body", "termsJson, regoSource and testsSource are required");
        }
        RegistryLimits.requireDraft(content);
    }

    /** Re-checked in the short transaction that records a change, after OPA's checks ran outside it. */
    private static void requireStillDraft(AgreementVersion v) {
        if (v.status() != VersionStatus.DRAFT) {
            throw new VersionStateException(v.label() + " became " + v.status() + " while it was being checked");
        }
    }

    private void requireDraftOf(AgreementVersion v, String me) {
        if (v.status() != VersionStatus.DRAFT) {
            throw new VersionStateException(v.label() + " is " + v.status() + "; only a draft can change"
                    + " (start a new draft from it)");
        }
        authorize("agreement.version.edit", v.agreementKey(), v);
    }

    /** Asks the authorization policy; its four-eyes refusals become FourEyesException (403 "Four-eyes rule"). */
    private void authorize(String action, String key, AgreementVersion v) {
        try {
            access.require(action, "agreement:" + key + " " + v.label(), java.util.Map.of("author", v.author()));
        } catch (AccessRefusedException e) {
            if (e.decision().refusedFor("FOUR_EYES") || e.decision().refusedFor("NOT_THE_AUTHOR")) {
                throw new FourEyesException(e.decision().message());
            }
            throw e;
        }
    }

    private void requireAgreement(String key) {
        if (key == null || !AgreementFiles.isKey(key) || !store.exists(key)) {
            throw new UnknownAgreementException(key);
        }
    }

    private AgreementVersion requireVersion(String key, int version) {
        requireAgreement(key);
        return store.version(key, version).orElseThrow(() -> new UnknownAgreementException(key + " v" + version));
    }

    private JsonNode template() {
        Map<String, org.dataembassy.portal.agreements.DraftContent> seeds = AgreementFiles.agreementsIn(workbench.baseline());
        String terms = seeds.values().stream().findFirst().map(DraftContent::termsJson)
                .orElseThrow(() -> new IllegalStateException("no agreement in the shipped policy to copy clauses from"));
        return TermsJson.parseOrEmpty(terms);
    }

    private String format(String rego) {
        FormattedRego formatted = workbench.format("rego", rego);
        return formatted.ok() ? formatted.source() : rego;
    }

    private String formatOrKeep(String rego) {
        if (rego == null) {
            return "";
        }
        FormattedRego formatted = workbench.format("rego", rego);
        return formatted.ok() ? formatted.source() : rego; // not parseable: the check reports where
    }

    private static String country(String code, String field, Map<String, String> errors) {
        try {
            return CountryCode.of(code).value();
        } catch (IllegalArgumentException e) {
            errors.put(field, code == null || code.isBlank() ? "required: an ISO 3166-1 alpha-2 code such as EE"
                    : "\"" + code + "\" is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
    }

    /** Maps the agreement's own files to the editor's parts: rego, tests; terms for data.json. */
    private static PolicyProblem part(String key, PolicyProblem p) {
        String file = partName(key, p.file());
        return Objects.equals(file, p.file()) ? p : new PolicyProblem(file, p.line(), p.column(), p.code(), p.message());
    }

    private static String partName(String key, String file) {
        if (file.equals(AgreementFiles.regoPath(key))) {
            return DraftCheck.REGO;
        }
        if (file.equals(AgreementFiles.testsPath(key))) {
            return DraftCheck.TESTS;
        }
        if (file.equals(AgreementFiles.dataPath(key))) {
            return DraftCheck.TERMS;
        }
        return file;
    }
    // ------------------------------------------------------------------ jurisdiction reviews

    /** Every agreement with a published version, as OPA runs it now. Legal officers, auditors, admins, the system. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<AgreementStanding> standings() {
        return store.published().stream().map(v -> {
            TermsJson.Parties parties = TermsJson.parties(v.termsJson());
            return new AgreementStanding(v.agreementKey(), v.agreementKey().replace('_', '-'), parties.originating(),
                    parties.host(), v.lifecycle(), JurisdictionMeasures.restricted(v.termsJson()), v.version(),
                    v.publishedAt());
        }).toList();
    }

    /**
     * Applies the outcome of a jurisdiction review to the agreement's published terms and publishes the result at
     * once (see {@link AgreementMeasure}), so OPA runs it in the next signed bundle. The new version
     * ({@link VersionKind#JURISDICTION}, authored by the system) names the assessing legal officer as its reviewer
     * and the justification as the review comment: the four-eyes decision is the review's (reporter and assessor
     * differ). The real OPA checks it (compile, treaty contract) as for any version; the agreement's own tests are
     * not run, because they describe the agreement in force and a suspension is meant to change their outcomes.
     * Idempotent: when the published terms already carry the measure nothing is published and the current
     * publication is returned. On any failure nothing changes and the previous bundle stays active. SYSTEM only.
     *
     * @param reference what imposed the measure (e.g. {@code jurisdiction-review:<id>}), written into the terms
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Publication applyJurisdictionOutcome(String key, AgreementMeasure measure, String reference, String assessor,
                                                String justification) {
        requireAgreement(key);
        try (PublicationLease.Held held = lease.acquire(leaseLength(), leaseWait())) {
            return applyJurisdictionOutcome(key, measure, reference, assessor, justification, held);
        }
    }

    private Publication applyJurisdictionOutcome(String key, AgreementMeasure measure, String reference,
                                                 String assessor, String justification, PublicationLease.Held held) {
        AgreementVersion current = store.published().stream().filter(v -> v.agreementKey().equals(key)).findFirst()
                .orElseThrow(() -> new VersionStateException(key + " has no published version to " + measure));
        java.util.Optional<String> terms = JurisdictionMeasures.apply(current.termsJson(), measure,
                java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)), reference); // the portal's clock
        if (terms.isEmpty()) {
            return new Publication(key, current.version(), current.bundleRevision(), Duration.ZERO);
        }
        String note = measure + " by " + reference + ": " + justification;
        DraftContent content = new DraftContent(terms.get(), current.regoSource(), current.testsSource(),
                note.length() > 2000 ? note.substring(0, 2000) : note);
        DraftCheck check = check(key, content);
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

    /** Today by the portal's clock, in UTC: the day the lifecycle shown in lists is read for. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }
}
