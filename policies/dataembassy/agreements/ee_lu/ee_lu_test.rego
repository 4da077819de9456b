package dataembassy.ee_lu_test

import data.dataembassy.agreements.ee_lu
import data.dataembassy.contract

test_allow_ee_lu_keeps_the_treaty_contract if {
	every v in contract.violations {
		not startswith(v, "ee_lu:")
	}
}

test_allow_ee_lu_onboards_plain_internal_data if {
	ee_lu.onboarding_established with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "dataset": {"classification": "INTERNAL"}}
	count(ee_lu.onboarding_deny) == 0 with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"dataset": {"classification": "INTERNAL"},
	}
}

test_deny_ee_lu_reasons_cite_this_agreement if {
	reasons := ee_lu.jurisdiction_deny with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "search", "requesting_state": "LU"},
	}
	count(reasons) == 1
	every r in reasons {
		r.agreement == ee_lu.terms.id
		r.code == "IMMUNITY"
	}
}

test_review_ee_lu_no_activation_notice if {
	reasons := ee_lu.activation_review with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "activation": {}}
	{r.code | some r in reasons} == {"ACTIVATION_NOTICE_DUE"}
}

test_allow_ee_lu_seed_says_its_articles_are_illustrative if {
	ee_lu.terms.articles_illustrative == true
	contains(ee_lu.terms.illustrative_note, "ILLUSTRATIVE")
}
