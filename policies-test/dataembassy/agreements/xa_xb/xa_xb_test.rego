package dataembassy.xa_xb_test

import data.dataembassy.agreements.xa_xb
import data.dataembassy.casetable
import data.dataembassy.contract
import data.dataembassy.testdata.cases

test_allow_xa_xb_keeps_the_treaty_contract if {
	every v in contract.violations {
		not startswith(v, "xa_xb:")
	}
}

# Every row of testdata/cases/xa_xb/data.json through its entry point, with the row's terms variant.
# Every row must be decided (an undefined decision is a failure, not a skipped row).
test_allow_review_deny_as_the_xa_xb_case_table_says if {
	table := cases.xa_xb
	decided := [[row, d] |
		some row in table.rows
		t := casetable.terms_for(xa_xb.terms, table.variants, row)
		d := data.dataembassy[row.entry_point].decision with input as row.input
			with xa_xb.terms as t
	]
	count(decided) == count(table.rows)
	failures := [m | some [row, d] in decided; m := casetable.mismatch(row, d)]
	print("xa_xb case table mismatches:", failures)
	failures == []
}

test_deny_xa_xb_article_key_that_names_no_article if {
	v := contract.violations with xa_xb.terms.clauses.data_scope.article as "nowhere"
	"xa_xb: [\"clauses\", \"data_scope\", \"article\"] names article \"nowhere\", which is not in articles" in v
}

test_allow_review_deny_xa_xb_case_table_covers_every_outcome if {
	{row.outcome | some row in cases.xa_xb.rows} == {"allow", "review", "deny"}
}
