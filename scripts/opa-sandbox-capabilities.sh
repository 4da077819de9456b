#!/usr/bin/env bash
# Writes the sandbox capabilities the portal runs every policy tree with: this OPA's own
# (`opa capabilities --current`) without the builtins listed in
# src/main/resources/opa/sandbox-removed-builtins.txt and with "allow_net": [].
# The portal builds the same file at start-up (SandboxCapabilities, OpaSandbox); the list is the one source.
#
# usage: scripts/opa-sandbox-capabilities.sh <opa binary> <output file>
set -euo pipefail

opa=${1:?usage: $0 <opa binary> <output file>}
out=${2:?usage: $0 <opa binary> <output file>}
list="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/opa/sandbox-removed-builtins.txt"

# the first word of every line that is neither blank nor a comment, as a Rego set of strings
removed=$(awk '!/^[[:space:]]*(#|$)/ { printf "%s\"%s\"", (n++ ? ", " : ""), $1 }' "$list")
if [[ -z "$removed" ]]; then
	echo "$list lists no builtin" >&2
	exit 1
fi

mkdir -p "$(dirname "$out")"
# OPA filters its own capabilities: no other JSON tool is needed. Both run with an empty environment.
env -i "$opa" capabilities --current |
	env -i "$opa" eval --stdin-input --format raw \
		"json.marshal_with_options(object.union(input, {
			\"builtins\": [b | some b in input.builtins; not b.name in {$removed}],
			\"allow_net\": []}), {\"pretty\": true})" >"$out.tmp"
mv "$out.tmp" "$out"
