# Conditions: what a clause requires, as data (docs/policy-authoring.md, "Conditions").
# A leaf compares one fact of the input ({"fact": "request.emergency", "in": [...]}), names
# a declaration ({"declared": "CRISIS_DECLARED"}) or a host-state event in force
# ({"event": "martial_law"}); groups combine them: {"all_of": [...]}, {"any_of": [...]},
# {"none_of": [...]}. Rego has no recursion, so a condition has at most three levels
# (group of groups of leaves), evaluated by three functions. A missing fact makes a leaf
# false ({"present": false} excepted): a missing field never satisfies a requirement.
package dataembassy.clauses

fact(path) := object.get(input, split(path, "."), null)

leaf(t, c) if {
	v := fact(c.fact)
	v != null
	compare(t, c, v)
}

leaf(_, c) if {
	c.present == false
	fact(c.fact) == null
}

leaf(_, c) if c.declared in {d | some d in object.get(input, ["activation", "declarations"], [])}

leaf(t, c) if {
	some e in events_in_force
	e.kind == c.event
	e.state in party_codes(t, object.get(c, "state", "host_state"))
}

compare(t, c, v) if v == value(t, c.eq)

compare(t, c, v) if {
	is_string(object.get(c, "ne", null))
	v != value(t, c.ne)
}

compare(t, c, v) if {
	some x in c["in"]
	v == value(t, x)
}

compare(t, c, v) if {
	is_array(v)
	value(t, c.contains) in v
}

compare(_, c, v) if v >= c.gte

compare(_, c, v) if v <= c.lte

compare(_, c, _) if c.present == true

# node1: a leaf, or a group of leaves.
node1(t, c) if leaf(t, c)

node1(t, c) if {
	is_array(c.all_of)
	every x in c.all_of {
		leaf(t, x)
	}
}

node1(t, c) if {
	is_array(c.any_of)
	some x in c.any_of
	leaf(t, x)
}

node1(t, c) if {
	is_array(c.none_of)
	every x in c.none_of {
		is_leaf(x)
		not leaf(t, x)
	}
}

# is_leaf: a condition that names a fact, a declaration or an event (not a group).
is_leaf(c) if is_string(c.fact)

is_leaf(c) if is_string(c.declared)

is_leaf(c) if is_string(c.event)

# holds: a leaf, a group of leaves, or a group of those (three levels).
holds(t, c) if node1(t, c)

holds(t, c) if {
	is_array(c.all_of)
	every x in c.all_of {
		node1(t, x)
	}
}

holds(t, c) if {
	is_array(c.any_of)
	some x in c.any_of
	node1(t, x)
}

holds(t, c) if {
	is_array(c.none_of)
	every x in c.none_of {
		not node1(t, x)
	}
}

condition_holds_or_absent(_, null)

condition_holds_or_absent(t, c) if {
	c != null
	holds(t, c)
}

# failure_code: the code of a failed condition: the first failing leaf (array order) that
# carries one, else the first failing group that does, else the condition's own, else dflt.
# In a none_of, "failing" is the member that is present.
failure_code(t, c, dflt) := codes[0] if {
	codes := array.concat(array.concat(failing_codes2(t, c), own_code(c)), [dflt])
}

own_code(c) := [c.code] if is_string(c.code)

else := []

failing_codes2(t, c) := [k |
	some x in c.all_of
	not node1(t, x)
	some k in array.concat(failing_codes1(t, x), own_code(x))
] if {
	is_array(c.all_of)
} else := [k |
	some x in c.none_of
	node1(t, x)
	some k in array.concat(failing_codes1(t, x), own_code(x))
] if {
	is_array(c.none_of)
} else := []

failing_codes1(t, c) := [k |
	some x in c.all_of
	not leaf(t, x)
	some k in own_code(x)
] if {
	is_array(c.all_of)
} else := [k |
	some x in c.none_of
	leaf(t, x)
	some k in own_code(x)
] if {
	is_array(c.none_of)
} else := []

# describe: a condition in words, for messages ("any of (CRISIS_DECLARED; all of (A; B))").
describe(c) := sprintf("%s (%s)", [group_word(c), concat("; ", [describe1(x) | some x in group_members(c)])]) if {
	group(c)
} else := describe_leaf(c)

describe1(c) := sprintf("%s (%s)", [group_word(c), concat("; ", [describe_leaf(x) | some x in group_members(c)])]) if {
	group(c)
} else := describe_leaf(c)

group(c) if is_array(c.all_of)

group(c) if is_array(c.any_of)

group(c) if is_array(c.none_of)

group_word(c) := "all of" if {
	is_array(c.all_of)
} else := "any of" if {
	is_array(c.any_of)
} else := "none of"

group_members(c) := c.all_of if {
	is_array(c.all_of)
} else := c.any_of if {
	is_array(c.any_of)
} else := c.none_of

leaf_operators := ["eq", "ne", "in", "contains", "gte", "lte", "present"]

describe_leaf(c) := c.declared if {
	is_string(c.declared)
} else := sprintf("%s in force", [c.event]) if {
	is_string(c.event)
} else := sprintf("%s %s %v", [c.fact, ops[0], c[ops[0]]]) if {
	ops := [op | some op in leaf_operators; object.get(c, op, null) != null]
	count(ops) > 0
} else := sprintf("%v", [c])
