# METADATA
# title: Treaty contract check
# description: |
#   Lists every way an agreement breaks the treaty contract: a missing contract
#   rule, a missing article, a malformed party code, an unknown status or
#   contradictory dates; for terms of schema_version 2 also an article key
#   that names no article and a history out of order. Empty means every agreement keeps the contract; the
#   seed agreements are tested to keep it, and the portal can ask before
#   publishing.
package dataembassy.contract

import data.dataembassy.clauses
import data.dataembassy.treaty

entry_points := ["onboarding", "transfer", "jurisdiction", "activation"]

# The rules every treaty package must define as sets of reasons.
reason_sets contains sprintf("%s_%s", [e, kind]) if {
	some e in entry_points
	some kind in ["deny", "review"]
}

# The article topics the generic clause rules cite.
article_topics := {
	"scope", "permitted_data", "personal_data", "host_access", "immunity", "personnel", "location",
	"jurisdiction", "audit", "notification", "suspension", "termination", "evacuation", "activation", "sites",
}

statuses := {"DRAFT", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED"}

all_agreements := object.union(treaty.agreements, clauses.agreements)

defines_set(key, name) if is_set(data.dataembassy.agreements[key][name])

violations contains sprintf("%s: %s is not defined as a set of reasons", [key, name]) if {
	some key, _ in all_agreements
	some name in reason_sets
	not defines_set(key, name)
}

violations contains sprintf("%s: the id must be %q", [key, replace(key, "_", "-")]) if {
	some key, t in all_agreements
	t.id != replace(key, "_", "-")
}

violations contains sprintf("%s: no article number for %s", [key, topic]) if {
	some key, t in treaty.agreements
	some topic in article_topics
	not is_string(object.get(t, ["articles", topic, "number"], null))
}

violations contains sprintf("%s: %s %v is not an ISO 3166 alpha-2 code", [key, party, code]) if {
	some key, t in all_agreements
	some party in ["originating_state", "host_state"]
	code := object.get(t, ["parties", party], null)
	not regex.match(`^[A-Z]{2}$`, sprintf("%v", [code]))
}

violations contains sprintf("%s: the originating and host state are the same", [key]) if {
	some key, t in all_agreements
	t.parties.originating_state == t.parties.host_state
}

violations contains sprintf("%s: status %v is not one of %v", [key, object.get(t, ["lifecycle", "status"], null), statuses]) if {
	some key, t in treaty.agreements
	not object.get(t, ["lifecycle", "status"], null) in statuses
}

violations contains sprintf("%s: %s (%s) lies after %s (%s)", [key, earlier, a, later, b]) if {
	some key, t in treaty.agreements
	some [earlier, later] in [
		[["lifecycle", "signed"], ["lifecycle", "in_force_from"]],
		[["validity", "from"], ["validity", "until"]],
	]
	a := object.get(t, earlier, null)
	is_string(a)
	b := object.get(t, later, null)
	is_string(b)
	a > b
}

# ---------------------------------------------------------------- schema_version 2

# Every article key a clause, rule, exception, duty or notice names must be a key of "articles".
violations contains sprintf("%s: %v names article %q, which is not in articles", [key, path, value]) if {
	some key, t in clauses.agreements
	walk(t, [path, value])
	count(path) > 0
	path[count(path) - 1] == "article"
	is_string(value)
	path[0] != "articles"
	not t.articles[value]
}

violations contains sprintf("%s: obligations of %s are not defined as a set", [key, e]) if {
	some key, _ in clauses.agreements
	some e in entry_points
	not is_set(data.dataembassy.agreements[key][sprintf("%s_obligations", [e])])
}

violations contains sprintf("%s: history entry %d has status %v, not one of %v", [key, i, e.status, statuses]) if {
	some key, t in clauses.agreements
	some i, e in clauses.history(t)
	not e.status in statuses
}

violations contains sprintf(
	"%s: history entry %d (%v) is dated before the entry above it (%v)",
	[key, i, e.from, clauses.history(t)[i - 1].from],
) if {
	some key, t in clauses.agreements
	some i, e in clauses.history(t)
	i > 0
	e.from < clauses.history(t)[i - 1].from
}
