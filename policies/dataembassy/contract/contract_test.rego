package dataembassy.contract_test

import data.dataembassy.contract

test_allow_seed_agreements_keep_the_contract if {
	contract.violations == set()
}

test_deny_missing_contract_rule if {
	v := contract.violations with data.dataembassy.agreements.xx_yy as {"terms": data.dataembassy.agreements.ee_lu.terms}
	"xx_yy: onboarding_deny is not defined as a set of reasons" in v
	"xx_yy: the id must be \"xx-yy\"" in v
}

test_deny_missing_article if {
	v := contract.violations with data.dataembassy.agreements.ee_lu.terms.articles.audit.number as 10
	"ee_lu: no article number for audit" in v
}

test_deny_bad_party_codes if {
	v := contract.violations with data.dataembassy.agreements.ee_lu.terms.parties as {"originating_state": "Estonia", "host_state": "Estonia"}
	"ee_lu: originating_state Estonia is not an ISO 3166 alpha-2 code" in v
	"ee_lu: the originating and host state are the same" in v
}

test_deny_unknown_status if {
	v := contract.violations with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "IN_FORCE_SORT_OF"
	count(v) == 1
}

test_deny_contradictory_dates if {
	v := contract.violations with data.dataembassy.agreements.ee_lu.terms.validity as {"from": "2030-01-01", "until": "2020-01-01"}
	v == {"ee_lu: [\"validity\", \"from\"] (2030-01-01) lies after [\"validity\", \"until\"] (2020-01-01)"}
}
