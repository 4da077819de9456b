package dataembassy.transfer_test

import data.dataembassy.testdata
import data.dataembassy.transfer
import data.dataembassy.verdict

# Every case in policies/dataembassy/testdata/transfer/data.json (the same table TreatyContractIT sends
# through the real OPA): outcome and reason codes, in decision order, as the table says.
test_allow_review_deny_as_the_case_table_says if {
	failures := [sprintf("%s: got %s %v", [c.name, verdict.outcome(d), [r.code | some r in d.reasons]]) |
		some c in testdata.transfer.cases
		d := transfer.decision with input as c.input
		not table_match(c, d)
	]
	print("case table mismatches:", failures)
	failures == []
}

table_match(c, d) if {
	verdict.outcome(d) == c.outcome
	[r.code | some r in d.reasons] == c.codes
}

test_allow_review_deny_case_table_covers_every_outcome if {
	{c.outcome | some c in testdata.transfer.cases} == {"allow", "review", "deny"}
}
