package dataembassy.clauses_test

import data.dataembassy.clauses

test_allow_court_orders_by_effect if {
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZY", "court_state": "ZY"}) == set()
	clauses.court_permitted(courts) with input as ask({"kind": "court_order", "requesting_state": "ZY", "court_state": "ZY"})
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZZ", "court_order": {"issuing_state": "ZZ"}}) == {"HOST_ORDERS_REFUSED"}
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZZ", "court_order": {"issuing_state": "QQ"}}) == {"COURT_ORDER_NOT_RECOGNISED"}
}

test_deny_audit_frequency_where_the_treaty_refuses if {
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "previous_audits": ["2025-10-01"]}) == {"AUDIT_FREQUENCY_EXCEEDED"}
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "previous_audits": ["2025-08-01"]}) == set()
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "audits_this_year": 1}) == {"AUDIT_FREQUENCY_EXCEEDED"}
	j_deny(audits, {"kind": "audit", "requesting_state": "ZZ"}) == {"AUDIT_NOT_ENTITLED"}
}
