package dataembassy.mc_lu_test

import data.dataembassy.agreements.mc_lu
import data.dataembassy.contract

test_allow_mc_lu_keeps_the_treaty_contract if {
	every v in contract.violations {
		not startswith(v, "mc_lu:")
	}
}

test_allow_mc_lu_onboards_plain_internal_data if {
	mc_lu.onboarding_established with input as {"agreement": "mc_lu", "at": "2026-03-01T00:00:00Z", "dataset": {"classification": "INTERNAL"}}
	count(mc_lu.onboarding_deny) == 0 with input as {
		"agreement": "mc_lu",
		"at": "2026-03-01T00:00:00Z",
		"dataset": {"classification": "INTERNAL"},
	}
}

test_deny_mc_lu_reasons_cite_this_agreement if {
	reasons := mc_lu.jurisdiction_deny with input as {
		"agreement": "mc_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "search", "requesting_state": "LU"},
	}
	count(reasons) == 1
	every r in reasons {
		r.agreement == mc_lu.terms.id
		r.code == "IMMUNITY"
	}
}

test_review_mc_lu_no_activation_notice if {
	reasons := mc_lu.activation_review with input as {"agreement": "mc_lu", "at": "2026-03-01T00:00:00Z", "activation": {}}
	{r.code | some r in reasons} == {"ACTIVATION_NOTICE_DUE"}
}

test_allow_mc_lu_seed_says_its_articles_are_illustrative if {
	mc_lu.terms.articles_illustrative == true
	contains(mc_lu.terms.illustrative_note, "ILLUSTRATIVE")
}

test_review_mc_lu_hand_written_register_transfer_clause if {
	reasons := mc_lu.transfer_review with input as {
		"agreement": "mc_lu",
		"at": "2026-03-01T00:00:00Z",
		"dataset": {"classification": "INTERNAL", "register": "land"},
	}
	{r.code | some r in reasons} == {"REGISTER_TRANSFER_REVIEW"}
	every r in reasons {
		r.article == "Art. 2"
	}
}
