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
	"message": sprintf("The treaty package for %v does not implement %v_deny and %v_review as sets of well-formed reasons.", [key, entry_point, entry_point]),
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
		every field in ["code", "message", "article", "agreement"] {
			is_string(r[field])
			r[field] != ""
		}
	}
}

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
