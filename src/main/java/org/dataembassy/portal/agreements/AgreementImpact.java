package org.dataembassy.portal.agreements;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.agreements.internal.AgreementFiles;
import org.dataembassy.portal.agreements.internal.DraftChecks;
import org.dataembassy.portal.agreements.internal.PublishedTrees;
import org.dataembassy.portal.agreements.internal.VersionGuard;
import org.dataembassy.portal.policy.DecisionHistory;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyVerdict;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.policy.RecordedDecision;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What publishing a version would change: recorded decisions replayed against it. */
@Service
public class AgreementImpact {

    /** Most decisions an impact analysis replays. */
    public static final int MAX_REPLAY = 10_000;

    private final VersionGuard guard;
    private final PublishedTrees trees;
    private final PolicyWorkbench workbench;
    private final DecisionHistory history;

    AgreementImpact(VersionGuard guard, PublishedTrees trees, PolicyWorkbench workbench, DecisionHistory history) {
        this.guard = guard;
        this.trees = trees;
        this.workbench = workbench;
        this.history = history;
    }

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
        AgreementVersion v = guard.requireVersion(key, version);
        Instant since = Instant.now().minus(days, ChronoUnit.DAYS);
        List<RecordedDecision> recorded = history.since(since, MAX_REPLAY).stream()
                .filter(d -> key.equals(d.input().get("agreement")))
                .filter(d -> !d.reasons().stream().anyMatch(r -> Reason.ENGINE_UNAVAILABLE.equals(r.code())))
                .toList();
        PolicyTree tree = AgreementFiles.withAgreement(trees.current(), key, v.content());
        Map<String, List<RecordedDecision>> byEntry = new LinkedHashMap<>();
        recorded.forEach(d -> byEntry.computeIfAbsent(d.entryPoint(), e -> new ArrayList<>()).add(d));
        List<ChangedDecision> changed = new ArrayList<>();
        for (Map.Entry<String, List<RecordedDecision>> entry : byEntry.entrySet()) {
            List<Map<String, Object>> inputs = entry.getValue().stream().map(AgreementImpact::atDecisionTime).toList();
            List<PolicyVerdict> verdicts;
            try {
                verdicts = workbench.evaluate(tree, entry.getKey(), inputs);
            } catch (PolicyRejectedException e) { // does not compile, e.g. calls a builtin the sandbox removed
                throw new PolicyRejectedException("not replayed: the version cannot be evaluated",
                        e.problems().stream().map(p -> DraftChecks.part(key, p)).toList());
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
        changed.sort(Comparator.comparing(ChangedDecision::decidedAt));
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
}
