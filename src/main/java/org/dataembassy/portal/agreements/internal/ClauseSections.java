package org.dataembassy.portal.agreements.internal;

import static org.dataembassy.portal.agreements.internal.ClauseChecks.EVENTS;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.PREFIX;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.duration;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.duties;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.duty;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.known;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.list;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.oneOf;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.operations;
import static org.dataembassy.portal.agreements.internal.ClauseChecks.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** The checks of the clauses of schema_version 2 beyond the data scope and activation, by group of clauses. */
final class ClauseSections {

    private ClauseSections() {
    }

    /** Host access exceptions, personnel rules, court orders and the immunity waiver. */
    static void accessAndJurisdiction(JsonNode clauses, Map<String, String> errors) {
        list(clauses.path("host_access").path("exceptions"), PREFIX + "host_access.exceptions", (x, at) -> {
            known(x, at, Set.of("id", "article", "applies_to", "when", "requires", "failure_code", "duties"), errors);
            required(x, at, "id", errors);
            required(x, at, "failure_code", errors);
            Conditions.check(x.path("when"), at + ".when", true, errors);
            Conditions.check(x.path("requires"), at + ".requires", false, errors);
            duties(x.path("duties"), at + ".duties", errors);
        });
        list(clauses.path("personnel").path("rules"), PREFIX + "personnel.rules", (r, at) -> {
            known(r, at, Set.of("id", "article", "acting_for", "cleared_by", "operations"), errors);
            required(r, at, "id", errors);
        });
        list(clauses.path("jurisdiction").path("court_orders"), PREFIX + "jurisdiction.court_orders", (r, at) -> {
            known(r, at, Set.of("id", "article", "from", "requires", "effect", "code", "duties"), errors);
            required(r, at, "id", errors);
            oneOf(r.path("effect"), at + ".effect", Set.of("review", "recognised", "deny"), false, errors);
            Conditions.check(r.path("requires"), at + ".requires", false, errors);
            duties(r.path("duties"), at + ".duties", errors);
        });
        JsonNode waiver = clauses.path("immunity").path("waiver");
        if (waiver.isObject()) {
            known(waiver, PREFIX + "immunity.waiver", Set.of("by", "form", "effect", "article"), errors);
            oneOf(waiver.path("form"), PREFIX + "immunity.waiver.form", Set.of("express", "any"), false, errors);
            oneOf(waiver.path("effect"), PREFIX + "immunity.waiver.effect", Set.of("review", "recognised"), false, errors);
        }
    }

    /** Audit minimum and maximum, auditors' notice, notification duties. */
    static void auditAndNotification(JsonNode clauses, Map<String, String> errors) {
        JsonNode audit = clauses.path("audit");
        duty(audit.path("minimum"), PREFIX + "audit.minimum", "every", errors);
        JsonNode per = audit.path("maximum").path("per");
        if (!per.isMissingNode() && !per.asText().equals("calendar_year")) {
            duration(per, PREFIX + "audit.maximum.per", errors);
        }
        list(audit.path("by"), PREFIX + "audit.by", (a, at) -> duration(a.path("notice_before"), at + ".notice_before", errors));
        duties(clauses.path("notification").path("duties"), PREFIX + "notification.duties", errors);
        clauses.path("notification").path("duties").forEach(d -> operations(d.path("on"), PREFIX + "notification.duties.on", errors));
    }

    /** Host-state event rules, suspension, termination notice and evacuation. */
    static void eventsSuspensionAndEnd(JsonNode clauses, Map<String, String> errors) {
        list(clauses.path("host_events").path("rules"), PREFIX + "host_events.rules", (r, at) -> {
            oneOf(r.path("event"), at + ".event", EVENTS, true, errors);
            oneOf(r.path("effect"), at + ".effect", Set.of("review", "deny", "suspension_ground", "suspends"), true, errors);
            operations(r.path("operations"), at + ".operations", errors);
            duration(r.path("decide_within"), at + ".decide_within", errors);
        });
        JsonNode suspension = clauses.path("suspension");
        operations(suspension.path("scopes_allowed"), PREFIX + "suspension.scopes_allowed", errors);
        operations(suspension.path("never_suspended"), PREFIX + "suspension.never_suspended", errors);
        duty(suspension.path("review_every"), PREFIX + "suspension.review_every", "every", errors);
        duration(suspension.path("decide_within"), PREFIX + "suspension.decide_within", errors);
        duration(clauses.path("termination").path("notice"), PREFIX + "termination.notice", errors);
        JsonNode evacuation = clauses.path("evacuation");
        if (evacuation.isObject()) {
            duration(evacuation.path("within"), PREFIX + "evacuation.within", errors);
            if (evacuation.path("within").isMissingNode()) {
                errors.put(PREFIX + "evacuation.within", "required: the period after the end, e.g. P180D");
            }
            oneOf(evacuation.path("after_deadline"), PREFIX + "evacuation.after_deadline", Set.of("review", "deny"), false, errors);
            duties(evacuation.path("then"), PREFIX + "evacuation.then", errors);
        }
    }
}
