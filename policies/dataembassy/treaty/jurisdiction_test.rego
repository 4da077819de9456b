package dataembassy.treaty_test

import data.dataembassy.jurisdiction

test_allow_entry_by_cleared_originating_staff if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "entry", "requesting_state": "EE", "personnel_cleared_by": "EE"},
	}
	d.allow
}

test_allow_location_known_to_the_originating_state if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "disclose_location", "requesting_state": "EE"},
	}
	d.allow
}

test_deny_host_access_without_prohibition_is_not_established if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "access", "requesting_state": "LU"},
	}
		with data.dataembassy.agreements.ee_lu.terms.host_access.prohibited as false
	codes(d) == ["NOT_ESTABLISHED"]
}
