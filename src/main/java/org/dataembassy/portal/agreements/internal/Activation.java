package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.shared.TreatyPeriod;

/** The activation clause of terms of schema_version 2: grounds required, who triggers, a quorum M of N, the notice. */
final class Activation {

    private Activation() {
    }


    static void check(JsonNode activation, String at, Map<String, String> errors) {
        if (!activation.isObject()) {
            return;
        }
        // listing no ground must not admit any event: grounds are required
        Conditions.check(activation.path("grounds"), at + ".grounds", true, errors);
        Conditions.check(activation.path("excluded"), at + ".excluded", false, errors);
        if (!activation.path("may_trigger").isArray() || activation.path("may_trigger").isEmpty()) {
            errors.put(at + ".may_trigger", "required: the roles that may trigger activation");
        }
        JsonNode approvers = activation.path("approvers");
        ClauseChecks.known(approvers, at + ".approvers", Set.of("roles", "quorum"), errors);
        if (!approvers.path("roles").isArray() || approvers.path("roles").isEmpty()) {
            errors.put(at + ".approvers.roles", "required: the roles whose approvals count");
        }
        JsonNode m = approvers.path("quorum").path("m");
        JsonNode n = approvers.path("quorum").path("n");
        if (!m.isInt() || !n.isInt()) {
            errors.put(at + ".approvers.quorum", "required: {\"m\": …, \"n\": …}, whole numbers");
        } else if (m.asInt() < 1 || n.asInt() < m.asInt()) {
            errors.put(at + ".approvers.quorum", "needs 1 ≤ m ≤ n (found m = " + m.asInt() + ", n = " + n.asInt() + ")");
        }
        activation.path("site_roles").forEach(r -> ClauseChecks.oneOf(r, at + ".site_roles", Set.of("origin", "embassy"),
                true, errors));
        JsonNode notice = activation.path("host_notice");
        if (notice.isObject()) {
            ClauseChecks.known(notice, at + ".host_notice", Set.of("timing", "within", "code", "action", "owed_by",
                    "owed_to", "article"), errors);
            ClauseChecks.oneOf(notice.path("timing"), at + ".host_notice.timing", Set.of("before", "after", "none"), true,
                    errors);
            if (notice.path("timing").asText().equals("after") && notice.path("within").isMissingNode()) {
                errors.put(at + ".host_notice.within", "required when the notice is owed after activation, e.g. PT24H");
            }
            JsonNode within = notice.path("within");
            if (!within.isMissingNode() && TreatyPeriod.parse(within.asText()).filter(TreatyPeriod::inWeeksDaysAndHours).isEmpty()) {
                errors.put(at + ".host_notice.within", "\"" + within.asText() + "\" is not a notice period the portal can count:"
                        + " whole weeks, days or hours (PT24H, P2D, P1W)");
            }
        }
    }
}
