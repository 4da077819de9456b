# METADATA
# title: Dataset onboarding
# description: |
#   Decides whether a dataset may be placed in a data embassy under the
#   agreement named in the input. Every deny or review reason cites the
#   article it comes from.
# entrypoint: true
package dataembassy.onboarding

import rego.v1

agreement_key := object.get(input, "agreement", "")

agreement := data.dataembassy.agreements[agreement_key]

classification := object.get(object.get(input, "dataset", {}), "classification", "")

known_classifications := {"PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP_SECRET"}

# deny_reasons collects every reason that blocks onboarding outright.
deny_reasons contains reason("AGREEMENT_UNKNOWN", "No agreement is known under this identifier.", "-", sprintf("%v", [agreement_key])) if {
	not data.dataembassy.agreements[agreement_key]
}

deny_reasons contains reason(
	"AGREEMENT_NOT_IN_FORCE",
	sprintf("The agreement is %s, not in force.", [agreement.status]),
	agreement.articles.scope,
	agreement.id,
) if {
	agreement.status != "IN_FORCE"
}

deny_reasons contains reason(
	"CLASSIFICATION_UNKNOWN",
	sprintf("Classification %q is not a recognised classification level.", [classification]),
	agreement.articles.permitted_data,
	agreement.id,
) if {
	not classification in known_classifications
}

deny_reasons contains reason(
	"CLASSIFICATION_NOT_PERMITTED",
	sprintf("Data classified %s may not be hosted under this agreement.", [classification]),
	agreement.articles.permitted_data,
	agreement.id,
) if {
	classification in known_classifications
	not classification in {c | some c in agreement.permitted_classifications}
}

# review_reasons collects every reason a legal officer must look at before onboarding.
review_reasons contains reason(
	"PERSONAL_DATA_REVIEW",
	"The dataset contains personal data: a legal officer must confirm the legal basis.",
	agreement.articles.personal_data,
	agreement.id,
) if {
	input.dataset.personal_data == true
	agreement.personal_data_requires_review
}

review_reasons contains reason(
	"REGISTER_REVIEW",
	sprintf("The dataset is a state register (%s): a legal officer must confirm it is covered.", [input.dataset.register]),
	agreement.articles.permitted_data,
	agreement.id,
) if {
	is_string(input.dataset.register)
	input.dataset.register != ""
}

reason(code, message, article, agreement_id) := {
	"code": code,
	"message": message,
	"article": article,
	"agreement": agreement_id,
}

default decision := {
	"allow": false,
	"review_required": false,
	"reasons": [{
		"code": "NO_DECISION",
		"message": "The policy produced no decision for this input.",
		"article": "-",
		"agreement": "-",
	}],
}

decision := {"allow": false, "review_required": false, "reasons": sorted_reasons(deny_reasons)} if {
	count(deny_reasons) > 0
}

decision := {"allow": false, "review_required": true, "reasons": sorted_reasons(review_reasons)} if {
	complete_request
	count(deny_reasons) == 0
	count(review_reasons) > 0
}

# Allow only what is positively established: a known agreement and a permitted classification.
complete_request if {
	agreement.id
	classification in {c | some c in agreement.permitted_classifications}
}

decision := {"allow": true, "review_required": false, "reasons": []} if {
	complete_request
	count(deny_reasons) == 0
	count(review_reasons) == 0
}

sorted_reasons(reasons) := [r | some code in sort({c | some x in reasons; c := x.code}); some r in reasons; r.code == code]
