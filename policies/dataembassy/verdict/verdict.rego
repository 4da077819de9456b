# METADATA
# title: Decisions from treaty rules
# description: |
#   Shared by the entry points: finds the treaty package named by
#   input.agreement and turns its deny and review reasons into the one decision
#   object every entry point returns. Deny beats review; allow only when the
#   treaty positively established the facts and nothing objects.
package dataembassy.verdict

key := input.agreement if is_string(input.agreement)

# known: an agreement with structured terms exists under this key.
known if data.dataembassy.agreements[key].terms.id

unknown_agreement := {"allow": false, "review_required": false, "reasons": [{
	"code": "AGREEMENT_UNKNOWN",
	"message": "No agreement is known under this identifier.",
	"article": "-",
	"agreement": sprintf("%v", [object.get(input, "agreement", "")]),
}]}

# contract_broken: the treaty package does not implement the contract for this entry point.
contract_broken(entry_point) := {"allow": false, "review_required": false, "reasons": [{
	"code": "TREATY_CONTRACT_BROKEN",
	"message": sprintf(
		"The treaty package for %v does not implement %v_deny and %v_review as sets of well-formed reasons.",
		[key, entry_point, entry_point],
	),
	"article": "-",
	"agreement": data.dataembassy.agreements[key].terms.id,
}]}

not_established := {"allow": false, "review_required": false, "reasons": [{
	"code": "NOT_ESTABLISHED",
	"message": "Nothing objects, but the facts an allow needs are not all present.",
	"article": "-",
	"agreement": data.dataembassy.agreements[key].terms.id,
}]}

well_formed(reasons) if {
	is_set(reasons)
	every r in reasons {
		is_object(r)
		every field in ["code", "message", "agreement"] {
			is_string(r[field])
			r[field] != ""
		}
		cites_article(r)
	}
}

# cites_article: a reason cites an article, or (terms of schema_version 2) the clause it comes
# from when that clause names no article.
cites_article(r) if {
	is_string(r.article)
	r.article != ""
}

cites_article(r) if {
	r.article == ""
	r.origin == "treaty"
	is_string(r.clause)
	r.clause != ""
}

# well_formed_obligations: each obligation says what is owed, by whom, to whom and when.
well_formed_obligations(obligations) if {
	is_set(obligations)
	every o in obligations {
		is_object(o)
		every field in ["code", "action", "agreement", "clause", "owed_by", "owed_to"] {
			is_string(o[field])
			o[field] != ""
		}
		is_string(o.article)
		is_number(time.parse_rfc3339_ns(o.due))
	}
}

# decide_with: decide, and the duties an allow or a review carries. A deny carries none (nothing
# happens); with a review every obligation is conditional on the legal officer's approval.
decide_with(deny, review, established, obligations) := object.union(d, {"obligations": owed(d, obligations)}) if {
	well_formed_obligations(obligations)
	d := decide(deny, review, established)
}

owed(d, _) := [] if not acts(d)

owed(d, obligations) := [object.union(o, {"conditional": d.review_required}) | some o in sorted_obligations(obligations)] if acts(d)

# acts: the decision lets something happen, now (allow) or after a legal officer's approval (review).
acts(d) if d.allow == true

acts(d) if d.review_required == true

sorted_obligations(obligations) := [o |
	some k in sort([[x.due, x.code, x.clause] | some x in obligations])
	some o in obligations
	[o.due, o.code, o.clause] == k
]

decide(deny, review, established) := {"allow": false, "review_required": false, "reasons": sorted(deny)} if {
	well_formed(deny)
	well_formed(review)
	count(deny) > 0
} else := {"allow": false, "review_required": true, "reasons": sorted(review)} if {
	well_formed(deny)
	well_formed(review)
	count(review) > 0
} else := {"allow": true, "review_required": false, "reasons": []} if {
	well_formed(deny)
	well_formed(review)
	established == true
} else := not_established if {
	well_formed(deny)
	well_formed(review)
}

# sorted orders reasons by code, then article and message, so a decision always reads the same.
sorted(reasons) := [r |
	some k in sort([[x.code, x.article, x.message] | some x in reasons])
	some r in reasons
	[r.code, r.article, r.message] == k
]

# outcome names a decision in one word: "allow", "review" or "deny" (used by the case tables).
outcome(decision) := "allow" if {
	decision.allow == true
} else := "review" if {
	decision.review_required == true
} else := "deny"

# decide_duties: the duties entry point's answer. The obligations carry their status; a review
# (an overdue duty) does not make them conditional, they are owed already. A deny (no valid
# decision date) lists none.
decide_duties(deny, review, obligations) := object.union(d, {"obligations": duty_list(deny, obligations)}) if {
	well_formed_obligations(obligations)
	d := decide(deny, review, true)
}

duty_list(deny, _) := [] if count(deny) > 0

duty_list(deny, obligations) := sorted_obligations(obligations) if count(deny) == 0
