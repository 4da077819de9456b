# METADATA
# title: Case tables of the fictional agreements
# description: |
#   Compares a decision with one row of a case table (testdata/cases/<key>/data.json): the
#   outcome, the reason codes and the articles they cite in decision order, and the obligations
#   the decision carries (each expected field must match; no obligation more, none less).
package dataembassy.casetable

import data.dataembassy.verdict

# terms_for: the agreement's terms, with the row's variant applied (history entries appended).
terms_for(terms, variants, row) := object.union(
	terms,
	{"lifecycle": object.union(terms.lifecycle, {"history": array.concat(terms.lifecycle.history, variants[row.variant].append_history)})},
) if {
	row.variant
} else := terms

# mismatch: what differs between the row and the decision, in words (undefined when they agree).
mismatch(row, d) := sprintf("%s (%s): expected %s %v %v %v, got %s %v %v %v", [
	row.id, row.name,
	row.outcome, row.codes, row.articles, row.obligations,
	verdict.outcome(d), [r.code | some r in d.reasons], [r.article | some r in d.reasons], object.get(d, "obligations", []),
]) if {
	not agrees(row, d)
}

agrees(row, d) if {
	verdict.outcome(d) == row.outcome
	[r.code | some r in d.reasons] == row.codes
	[r.article | some r in d.reasons] == row.articles
	obligations_agree(row.obligations, object.get(d, "obligations", []))
}

obligations_agree(expected, got) if {
	count(expected) == count(got)
	every e in expected {
		some o in got
		every field, value in e {
			o[field] == value
		}
	}
}
