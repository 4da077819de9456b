# METADATA
# title: Portal authorization
# description: |
#   Decides whether a person may take an action in the portal. The role table says which roles may
#   take each action; attribute rules then refuse what the role alone would allow: the four-eyes rule
#   (nobody reviews or approves what they wrote or asked for, nobody votes twice), ownership (a data
#   owner acts only on their own datasets) and the state an officer serves (when the identity provider
#   says it, it must be the state the agreement is about). Input: {action, subject: {id, roles, state?},
#   resource: {...}}. Answer: {allow, reasons: [{code, message}]}; unknown actions are refused.
# entrypoint: true
package dataembassy.authz

# action -> roles that may take it (before the attribute rules below)
permissions := {
	"agreement.version.edit": {"LEGAL_OFFICER"},
	"agreement.version.review": {"LEGAL_OFFICER"},
	"onboarding.review": {"LEGAL_OFFICER"},
	"onboarding.keys": {"SECURITY_OFFICER"},
	"dataset.read": {"DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR", "ADMIN", "SYSTEM"},
	"transfer.request": {"DATA_OWNER"},
	"transfer.review": {"LEGAL_OFFICER"},
	"jurisdiction.assess": {"LEGAL_OFFICER"},
	"jurisdiction.evacuation.confirm": {"SECURITY_OFFICER"},
	"activation.vote": {"EMERGENCY_COMMITTEE"},
}

subject := object.get(input, "subject", {})

resource := object.get(input, "resource", {})

me := object.get(subject, "id", "")

roles := {r | some r in object.get(subject, "roles", [])}

# Actions on what someone asked for or wrote, which that person may never decide on themselves.
four_eyes := {
	"agreement.version.review": "author",
	"onboarding.review": "requested_by",
	"onboarding.keys": "requested_by",
	"transfer.review": "requested_by",
	"jurisdiction.assess": "reported_by",
	"jurisdiction.evacuation.confirm": "assessed_by",
}

# Actions on datasets a data owner may take only on their own: ownership is asked whenever DATA_OWNER is
# the only role that permits the action to this person (holding some unrelated role does not lift it).
owned := {"dataset.read", "transfer.request"}

owner_role_only(action) if {
	count((roles & permissions[action]) - {"DATA_OWNER"}) == 0
}

refusals contains reason("UNKNOWN_ACTION", sprintf("%q is not an action of the portal.", [input.action])) if {
	not permissions[input.action]
}

refusals contains reason("ANONYMOUS", "Sign in first.") if {
	me == ""
}

refusals contains reason("ROLE_MISSING", sprintf("%q needs one of the roles %v.", [input.action, sort(permissions[input.action])])) if {
	count(roles & permissions[input.action]) == 0
}

refusals contains reason("FOUR_EYES", sprintf("%s is the %s; another person must decide (four eyes).", [me, replace(field, "_", " ")])) if {
	me != ""
	field := four_eyes[input.action]
	object.get(resource, field, "") == me
}

refusals contains reason(
	"NOT_THE_AUTHOR",
	sprintf("Only the author (%s) changes this draft; start your own draft from it.", [resource.author]),
) if {
	input.action == "agreement.version.edit"
	object.get(resource, "author", me) != me
}

refusals contains reason("ALREADY_VOTED", sprintf("%s has already voted on this activation.", [me])) if {
	input.action == "activation.vote"
	me in {v | some v in object.get(resource, "voters", [])}
}

refusals contains reason("NOT_THE_OWNER", sprintf("%s does not own this dataset.", [me])) if {
	input.action in owned
	owner_role_only(input.action)
	object.get(resource, "owner", "") != me
}

refusals contains reason("OTHER_STATE", sprintf("%s serves %s; this concerns %s.", [me, subject.state, resource.state])) if {
	object.get(subject, "state", "") != ""
	object.get(resource, "state", "") != ""
	subject.state != resource.state
}

reason(code, message) := {"code": code, "message": message}

# decision is always defined; the reasons are sorted by code so equal inputs give equal answers.
decision := {
	"allow": count(refusals) == 0,
	"reasons": [r | some code in sort({r.code | some r in refusals}); some r in refusals; r.code == code],
}
