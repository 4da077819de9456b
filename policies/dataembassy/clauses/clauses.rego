# METADATA
# title: Generic treaty clauses
# description: |
#   The clause vocabulary of schema_version 2 (docs/policy-authoring.md), computed for
#   every agreement from its structured terms (data.dataembassy.agreements.<key>.terms).
#   Each entry point's sets are keyed by agreement key (sets.rego); a treaty package
#   (dataembassy.agreements.<key>) picks its own key and may add or drop reasons by hand.
#   Every reason cites the agreement, the clause that produced it and that clause's
#   article ("" when the clause has none); portal reasons cite "-".
#   This file holds what every clause uses: parties, articles, reasons, operations.
package dataembassy.clauses

# agreements maps each agreement key (ee_lu) to its structured terms.
agreements[key] := t if {
	some key
	t := data.dataembassy.agreements[key].terms
	t.schema_version == 2
}

# The portal's classification scale, lowest first (Classification.java).
classification_rank := {"PUBLIC": 0, "INTERNAL": 1, "RESTRICTED": 2, "CONFIDENTIAL": 3, "SECRET": 4, "TOP_SECRET": 5}

known_classifications := object.keys(classification_rank)

# ---------------------------------------------------------------- parties

# party_codes resolves a party word to the ISO codes it names: originating_state,
# host_state, either_party (both), or an ISO 3166 alpha-2 code standing for itself.
party_codes(t, p) := {t.parties.originating_state} if {
	p == "originating_state"
} else := {t.parties.host_state} if {
	p == "host_state"
} else := {t.parties.originating_state, t.parties.host_state} if {
	p == "either_party"
} else := {p}

# party_code is the one code of a party that names one state (owed_by, owed_to).
party_code(t, p) := t.parties.originating_state if {
	p == "originating_state"
} else := t.parties.host_state if {
	p == "host_state"
} else := p

# parties_in resolves a list of party words to the set of codes they name.
parties_in(t, list) := {c | some p in list; some c in party_codes(t, p)}

# value resolves a value written in a condition: a party word becomes its code.
value(t, v) := party_code(t, v) if {
	v in {"originating_state", "host_state"}
} else := v

# ---------------------------------------------------------------- articles and reasons

clauses(t) := object.get(t, "clauses", {})

# article_number is the number of the article with key akey ("" when there is none).
article_number(t, akey) := n if {
	is_string(akey)
	n := t.articles[akey].number
} else := ""

# clause_article is the article key a clause states (null when none).
clause_article(t, name) := object.get(clauses(t), [name, "article"], null)

# rule_article is a sub-rule's own article key, else its clause's.
rule_article(t, name, rule) := object.get(rule, "article", clause_article(t, name))

treaty_reason(t, path, akey, code, message) := {
	"code": code,
	"message": message,
	"article": article_number(t, akey),
	"agreement": t.id,
	"clause": path,
	"origin": "treaty",
}

# clause_reason cites the clause named (a key of terms.clauses) and its article.
clause_reason(t, name, code, message) := treaty_reason(t, name, clause_article(t, name), code, message)

# portal_reason is a reason the portal gives, not the treaty: it cites no article ("-").
portal_reason(t, code, message) := {
	"code": code,
	"message": message,
	"article": "-",
	"agreement": t.id,
	"clause": "-",
	"origin": "portal",
}

# no_clause: silence is not permission. An input that only an absent clause could decide goes to a
# legal officer.
no_clause(t, name, what) := portal_reason(
	t, "NO_CLAUSE_APPLIES",
	sprintf("The agreement has no %s clause, so it does not say whether %s: a legal officer must decide.", [name, what]),
)

# ---------------------------------------------------------------- hand-written rules

# The stable interface for hand-written rules in treaty packages (and for packages written
# against schema_version 1): reason(t, code, message, topic) cites the clause a topic names.
topic_clauses := {
	"scope": "lifecycle",
	"permitted_data": "data_scope",
	"personal_data": "personal_data",
	"host_access": "host_access",
	"immunity": "immunity",
	"personnel": "personnel",
	"location": "location",
	"jurisdiction": "jurisdiction",
	"audit": "audit",
	"notification": "notification",
	"suspension": "suspension",
	"termination": "termination",
	"evacuation": "evacuation",
	"activation": "activation",
	"sites": "sites",
}

reason(t, code, message, topic) := treaty_reason(t, object.get(topic_clauses, topic, topic), topic_article(t, topic), code, message)

topic_article(t, topic) := topic if {
	t.articles[topic].number
} else := object.get(t, ["lifecycle", "article"], null) if {
	topic == "scope"
} else := object.get(t, ["sites", "article"], null) if {
	topic == "sites"
} else := clause_article(t, object.get(topic_clauses, topic, topic))

# is_register: the dataset names a state register.
is_register(ds) if {
	is_string(ds.register)
	ds.register != ""
}

# ---------------------------------------------------------------- operations

# Operations are what scopes name: onboarding, transfer.<purpose>, jurisdiction.<kind>,
# activation. A pattern "*" is every operation; "transfer.*" and "transfer" every transfer.
op_matches(_, "*")

op_matches(op, pattern) if op == pattern

op_matches(op, pattern) if startswith(op, concat("", [pattern, "."]))

op_matches(op, pattern) if {
	endswith(pattern, ".*")
	startswith(op, trim_suffix(pattern, "*"))
}

in_scope(op, patterns) if {
	some p in patterns
	op_matches(op, p)
}

# Operations that place data in the host state: what the data clauses govern.
inbound_operations := {"onboarding", "transfer.replication", "transfer.migration"}
