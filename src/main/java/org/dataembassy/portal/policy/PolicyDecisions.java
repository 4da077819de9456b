package org.dataembassy.portal.policy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.policy.internal.DecisionMetrics;
import org.dataembassy.portal.policy.internal.DecisionParser;
import org.dataembassy.portal.policy.internal.DecisionRecordStore;
import org.dataembassy.portal.policy.internal.OpaDecisionClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Asks OPA for decisions. Guarantees: never throws because of the engine and never allows by accident —
 * unreachable, slow (past {@code dataembassy.policy.decision-timeout}) or malformed answers become a deny
 * whose reason says "policy engine unavailable". Every decision, including such denies, is recorded with
 * its input and announced as {@link PolicyDecisionMade}.
 *
 * <p>The portal states the decision time: an input without {@code at} is asked, and recorded, with the time
 * of asking ({@link PolicyQuery#at}), so the rules never read OPA's clock and a replay of the recorded input
 * (impact analysis) judges at the same moment as the original decision.
 */
@Service
public class PolicyDecisions {

    private static final Logger log = LoggerFactory.getLogger(PolicyDecisions.class);

    private final OpaDecisionClient client;
    private final DecisionRecordStore records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<DecisionFacts> facts;
    private final MeterRegistry meters;

    @Autowired
    PolicyDecisions(OpaDecisionClient client, DecisionRecordStore records, ApplicationEventPublisher events, Clock clock,
                    ObjectProvider<DecisionFacts> facts, MeterRegistry meters) {
        this.clock = clock;
        this.client = client;
        this.records = records;
        this.events = events;
        this.facts = facts.orderedStream().toList();
        this.meters = meters;
    }

    /** Without sources of facts, with meters of their own (unit tests of the fail-closed paths). */
    PolicyDecisions(OpaDecisionClient client, DecisionRecordStore records, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.client = client;
        this.records = records;
        this.events = events;
        this.facts = List.of();
        this.meters = new SimpleMeterRegistry();
    }

    /** Any authenticated principal (people and system accounts): the decision itself is the authorization. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public PolicyDecision decide(PolicyQuery asked) {
        long started = System.nanoTime();
        PolicyDecision decision = decideUntimed(asked);
        DecisionMetrics.record(meters, asked.entryPoint(), decision, System.nanoTime() - started);
        return decision;
    }

    private PolicyDecision decideUntimed(PolicyQuery asked) {
        PolicyQuery dated = asked.at(clock.instant());
        PolicyQuery query;
        try {
            query = FactsMerge.merge(dated, facts);
        } catch (RuntimeException e) {
            log.warn("facts for {} could not be read: {}", dated.entryPoint(), e.toString());
            return refuse(dated, Reason.unavailable("the recorded facts could not be read"));
        }
        DecisionParser.Parsed parsed;
        try {
            parsed = DecisionParser.parse(client.query(query.entryPoint() + "/decision", query.input()))
                    .orElseGet(() -> new DecisionParser.Parsed(PolicyDecision.Outcome.DENY,
                            List.of(Reason.unavailable("answer does not follow the decision contract"))));
        } catch (RuntimeException e) {
            log.warn("policy engine unavailable for {}: {}", query.entryPoint(), e.toString());
            parsed = new DecisionParser.Parsed(PolicyDecision.Outcome.DENY,
                    List.of(Reason.unavailable("no answer from OPA")));
        }
        return record(query, parsed);
    }

    private PolicyDecision refuse(PolicyQuery query, Reason reason) {
        return record(query, new DecisionParser.Parsed(PolicyDecision.Outcome.DENY, List.of(reason)));
    }

    private PolicyDecision record(PolicyQuery query, DecisionParser.Parsed parsed) {
        String id = UUID.randomUUID().toString();
        records.insert(id, query.entryPoint(), query.subject(), query.input(), parsed.outcome(), parsed.reasons(),
                parsed.obligations());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String actor = caller == null ? "anonymous" : caller.getName();
        events.publishEvent(new PolicyDecisionMade(id, query.entryPoint(), query.subject(), actor, parsed.outcome(),
                parsed.reasons()));
        return new PolicyDecision(id, parsed.outcome(), parsed.reasons(), parsed.obligations());
    }
}
