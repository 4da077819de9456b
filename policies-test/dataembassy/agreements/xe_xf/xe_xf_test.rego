package dataembassy.xe_xf_test

import data.dataembassy.agreements.xe_xf
import data.dataembassy.casetable
import data.dataembassy.contract
import data.dataembassy.testdata.cases

test_allow_xe_xf_keeps_the_treaty_contract if {
	every v in contract.violations {
		not startswith(v, "xe_xf:")
	}
}

# Every row of testdata/cases/xe_xf/data.json through its entry point, with the row's terms variant.
# Every row must be decided (an undefined decision is a failure, not a skipped row).
test_allow_review_deny_as_the_xe_xf_case_table_says if {
	table := cases.xe_xf
	decided := [[row, d] |
		some row in table.rows
		t := casetable.terms_for(xe_xf.terms, table.variants, row)
		d := data.dataembassy[row.entry_point].decision with input as row.input
			with xe_xf.terms as t
	]
	count(decided) == count(table.rows)
	failures := [m | some [row, d] in decided; m := casetable.mismatch(row, d)]
	print("xe_xf case table mismatches:", failures)
	failures == []
}

test_deny_xe_xf_article_key_that_names_no_article if {
	v := contract.violations with xe_xf.terms.clauses.data_scope.article as "nowhere"
	"xe_xf: [\"clauses\", \"data_scope\", \"article\"] names article \"nowhere\", which is not in articles" in v
}

test_allow_review_deny_xe_xf_case_table_covers_every_outcome if {
	{row.outcome | some row in cases.xe_xf.rows} == {"allow", "review", "deny"}
}
