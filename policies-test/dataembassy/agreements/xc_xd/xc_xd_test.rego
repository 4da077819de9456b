package dataembassy.xc_xd_test

import data.dataembassy.agreements.xc_xd
import data.dataembassy.casetable
import data.dataembassy.contract
import data.dataembassy.testdata.cases

test_allow_xc_xd_keeps_the_treaty_contract if {
	every v in contract.violations {
		not startswith(v, "xc_xd:")
	}
}

# Every row of testdata/cases/xc_xd/data.json through its entry point, with the row's terms variant.
# Every row must be decided (an undefined decision is a failure, not a skipped row).
test_allow_review_deny_as_the_xc_xd_case_table_says if {
	table := cases.xc_xd
	decided := [[row, d] |
		some row in table.rows
		t := casetable.terms_for(xc_xd.terms, table.variants, row)
		d := data.dataembassy[row.entry_point].decision with input as row.input
			with xc_xd.terms as t
	]
	count(decided) == count(table.rows)
	failures := [m | some [row, d] in decided; m := casetable.mismatch(row, d)]
	print("xc_xd case table mismatches:", failures)
	failures == []
}

test_deny_xc_xd_article_key_that_names_no_article if {
	v := contract.violations with xc_xd.terms.clauses.data_scope.article as "nowhere"
	"xc_xd: [\"clauses\", \"data_scope\", \"article\"] names article \"nowhere\", which is not in articles" in v
}

test_allow_review_deny_xc_xd_case_table_covers_every_outcome if {
	{row.outcome | some row in cases.xc_xd.rows} == {"allow", "review", "deny"}
}
