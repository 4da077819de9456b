# Duties (entry point dataembassy.duties): what the agreement obliges at the decision date, and
# which duties are overdue. input is {agreement, at, facts {fulfilled {code: day}, activations
# [{id, activated_at, host_notified_at?}]}}; the portal fills the facts from its obligation
# tracker. Periodic duties (audit.minimum, suspension.review_every, periodic_duties) run from
# their last fulfilment, else from their anchor, while the agreement applies; termination
# starts the evacuation duty and the duties that follow it; each activation owes its notice
# when the host notice is due after activation. Every obligation has a status: open, overdue
# (at or after its due instant) or fulfilled. An overdue duty is a legal officer's question.
package dataembassy.clauses

# fulfilled: the last day each duty was fulfilled, {code: day}. The portal's tracker states it as a list
# [{code, on}] (one entry per fulfilment); a map is read as it is (case tables, what-ifs).
stated_fulfilled := object.get(input, ["facts", "fulfilled"], {})

fulfilled := stated_fulfilled if is_object(stated_fulfilled)

fulfilled := {f.code: max_day(f.code) | some f in stated_fulfilled} if is_array(stated_fulfilled)

max_day(code) := sort([f.on | some f in stated_fulfilled; f.code == code])[count([1 | some f in stated_fulfilled; f.code == code]) - 1]

activations := object.get(input, ["facts", "activations"], [])

later_day(a, b) := a if a >= b

else := b

# A periodic duty: {code, action, every, owed_by, owed_to, article?, anchor?}, anchored on its clause.
periodic(t) := array.concat(
	[[d, "audit.minimum", clause_article(t, "audit"), in_force_since(t)] |
		d := clauses(t).audit.minimum
		not ended(t)
		in_force_since(t)
	],
	array.concat(
		[[d, "suspension.review_every", clause_article(t, "suspension"), current_entry(t).from] |
			d := clauses(t).suspension.review_every
			status_at(t) == "SUSPENDED"
		],
		[[d, concat(".", ["periodic_duties", d.code]), clause_article(t, "periodic_duties"), in_force_since(t)] |
			some d in object.get(clauses(t), "periodic_duties", [])
			not ended(t)
			in_force_since(t)
		],
	),
)

periodic_obligation(t, d, path, akey, anchor) := object.union(
	day_obligation(t, path, akey, object.union(d, {"within": d.every}), day),
	{"every": d.every},
) if {
	day := later_day(object.get(fulfilled, d.code, anchor), anchor)
}

periodic_obligations(t) := {o |
	some [d, path, akey, anchor] in periodic(t)
	o := periodic_obligation(t, d, path, akey, anchor)
}

# The evacuation duty from the end of the agreement, and the duties anchored on its fulfilment.
exit_obligations(t) := {day_obligation(t, "evacuation", clause_article(t, "evacuation"), evacuation_duty(t), ended_day(t)) |
	ended(t)
	evacuation_clause(t)
} | {day_obligation(t, concat(".", ["evacuation.then", d.code]), clause_article(t, "evacuation"), d, fulfilled[d.anchor]) |
	ended(t)
	some d in object.get(evacuation_clause(t), "then", [])
}

activation_notice_obligations(t) := {object.union(
	obligation(
		t,
		"activation.host_notice",
		object.get(n, "article", clause_article(t, "activation")),
		duty,
		time.parse_rfc3339_ns(a.activated_at),
	),
	{"subject": a.id},
) |
	n := host_notice(t)
	n.timing == "after"
	some a in activations
	duty := {
		"code": object.get(n, "code", "HOST_NOTICE_AFTER_ACTIVATION"),
		"action": object.get(n, "action", "Notify the host state of the activation"),
		"within": n.within,
		"owed_by": object.get(n, "owed_by", "originating_state"),
		"owed_to": object.get(n, "owed_to", "host_state"),
	}
}

one_off_fulfilled(o) if {
	o.subject
	some a in activations
	a.id == o.subject
	a.host_notified_at
}

one_off_fulfilled(o) if {
	not o.subject
	not o.every
	fulfilled[o.code]
}

status(o) := "fulfilled" if {
	one_off_fulfilled(o)
} else := "overdue" if {
	now_ns >= time.parse_rfc3339_ns(o.due)
} else := "open"

duties_of(t) := {object.union(o, {"status": status(o)}) |
	is_number(now_ns)
	some o in ((periodic_obligations(t) | exit_obligations(t)) | activation_notice_obligations(t))
}

duties_review[key] contains treaty_reason(
	t,
	o.clause,
	article_key(t, o),
	"OBLIGATION_OVERDUE",
	sprintf("%s (%s, owed by %s to %s) was due at %s and is not recorded as done.", [o.action, o.code, o.owed_by, o.owed_to, o.due]),
) if {
	some key, t in agreements
	some o in duties_of(t)
	o.status == "overdue"
}

# article_key: the key of the article an obligation cites (it carries the number).
article_key(t, o) := k if {
	some k, a in t.articles
	a.number == o.article
} else := null

duties_deny[key] contains r if {
	some key, t in agreements
	some r in time_reasons(t)
}

duties_obligations[key] := duties_of(t) if some key, t in agreements
