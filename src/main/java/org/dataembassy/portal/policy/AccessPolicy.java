package org.dataembassy.portal.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.policy.internal.OpaDecisionClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The portal's own authorization decisions, taken by OPA ({@code policies/dataembassy/authz}): role plus
 * attributes (who wrote or asked for the thing, who owns it, who already voted, the state an officer
 * serves). Services call {@link #require} after loading the thing acted on, before changing anything;
 * views call {@link #decide} to hide what would be refused.
 *
 * <p>Fail-closed: when OPA cannot answer in time, or answers outside the contract, the answer is a refusal
 * with reason ENGINE_UNAVAILABLE. The input carries identifiers and roles only — never secrets. Refusals are
 * audited ({@link AccessRefused}); allowed actions are audited by the action itself.
 */
@Service("access")
public class AccessPolicy {

    public static final String ENTRY_POINT = "dataembassy/authz/decision";
    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

    private final OpaDecisionClient client;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    public AccessPolicy(OpaDecisionClient client, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.client = client;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The decision for the current person; nothing recorded. Any caller (the decision is the authorization). */
    @PreAuthorize("permitAll()")
    public AccessDecision decide(String action, Map<String, ?> resource) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", currentUser.username().orElse(""));
        subject.put("roles", currentUser.roles().stream().map(Role::name).sorted().toList());
        currentUser.state().ifPresent(state -> subject.put("state", state));
        Map<String, Object> input = Map.of("action", action, "subject", subject, "resource", resource);
        try {
            return parse(client.query(ENTRY_POINT, input));
        } catch (RuntimeException e) {
            log.warn("authorization engine unavailable for {}: {}", action, e.toString());
            return new AccessDecision(false, List.of(new AccessDecision.Refusal("ENGINE_UNAVAILABLE",
                    "The authorization policy could not be asked; try again shortly.")));
        }
    }

    /**
     * Refuses (AccessRefusedException, audited) unless the current person may take {@code action} on the thing
     * described by {@code resource}; {@code subject} names it for the audit trail (e.g. "agreement:ee_lu v3").
     */
    @PreAuthorize("permitAll()")
    public void require(String action, String subject, Map<String, ?> resource) {
        enforce(action, subject, decide(action, resource));
    }

    /** Refuses (AccessRefusedException, audited) unless {@code decision} — taken by {@link #decide} — allows. */
    @PreAuthorize("permitAll()")
    public void enforce(String action, String subject, AccessDecision decision) {
        if (!decision.allowed()) {
            events.publishEvent(new AccessRefused(currentUser.username().orElse("anonymous"), action, subject,
                    decision.reasons().stream().map(AccessDecision.Refusal::code).toList(), decision.message()));
            throw new AccessRefusedException(action, decision);
        }
    }

    @SuppressWarnings("unchecked")
    static AccessDecision parse(Map<String, Object> answer) {
        if (answer != null && answer.get("allow") instanceof Boolean allow && answer.get("reasons") instanceof List<?> list) {
            List<AccessDecision.Refusal> reasons = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> r && r.get("code") instanceof String code && r.get("message") instanceof String message) {
                    reasons.add(new AccessDecision.Refusal(code, message));
                } else {
                    return contractBroken();
                }
            }
            if (allow == reasons.isEmpty()) {
                return new AccessDecision(allow, reasons);
            }
        }
        return contractBroken();
    }

    private static AccessDecision contractBroken() {
        return new AccessDecision(false, List.of(new AccessDecision.Refusal("ENGINE_UNAVAILABLE",
                "The authorization policy answered outside its contract.")));
    }
}
