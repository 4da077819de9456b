#!/usr/bin/env bash
# Treaty rules of schema_version 2 (issue 13): what a decision costs OPA when its agreement is written in the clause
# vocabulary, with host-state events in the input and obligations in the answer, against the seeds' rules (the
# anchor: the same query on ee_lu) in the same run, on the same tree (policies/ + policies-test/), in process with the
# read-optimised store the supervised OPA uses. Prints one Markdown section on stdout, progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
OPA="${OPA_BINARY:-$HOME/.cache/data-embassy/bin/opa}"
[ -x "$OPA" ] || scripts/tools.sh opa >&2
WORK="${BENCH_DIR:-/tmp/data-embassy-bench}/rules"
rm -rf "$WORK" && mkdir -p "$WORK"
AT='"at": "2026-03-01T00:00:00Z"'
ML='"facts": {"events": [{"id": "e1", "kind": "martial_law", "state": "XB", "start": "2026-02-20", "reference": "r", "source": "s"}]}'

cat > "$WORK/cases.txt" <<EOF
v1 onboarding (ee_lu, the anchor)|onboarding|{"agreement": "ee_lu", $AT, "dataset": {"classification": "CONFIDENTIAL", "personal_data": true, "register": ""}}
v2 onboarding (xc_xd, register and personal data)|onboarding|{"agreement": "xc_xd", $AT, "dataset": {"classification": "INTERNAL", "personal_data": true, "register": "population"}}
v2 transfer under martial law (xa_xb, an event in the input)|transfer|{"agreement": "xa_xb", $AT, $ML, "dataset": {"classification": "INTERNAL", "personal_data": false}, "transfer": {"from_site": "xa-home", "to_site": "xb-dc-1", "purpose": "replication", "recipient_state": "XA"}}
v2 emergency entry (xc_xd, exceptions with conditions and a duty)|jurisdiction|{"agreement": "xc_xd", $AT, "request": {"kind": "entry", "requesting_state": "XD", "emergency": "fire", "consent_unobtainable_in_time": true, "limited_to_averting_danger": true}}
v2 activation (xc_xd, alternative grounds, notice owed after)|activation|{"agreement": "xc_xd", $AT, "activation": {"triggered_by": {"id": "p1", "role": "PRIME_MINISTER"}, "approvals": [{"id": "c1", "role": "CISO"}], "declarations": ["MAJOR_CYBER_ATTACK"], "site": "xd-embassy-1"}}
v2 duties (xa_xb, periodic audit, fulfilments as facts)|duties|{"agreement": "xa_xb", $AT, "facts": {"fulfilled": [{"code": "AUDIT_MINIMUM", "on": "2025-06-10"}]}}
EOF

bench() { # prints "<ns/op> <median eval ns>"
  "$OPA" bench --optimize-store-for-read-speed -d policies -d policies-test -i "$2" "data.dataembassy.$1.decision" \
    --format json 2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin); x = d["Extra"]
print(d["T"] / d["N"], x.get("histogram_timer_rego_query_eval_ns_median", 0))'
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
anchor=""
i=0
while IFS='|' read -r name entry input; do
  i=$((i + 1))
  echo "$input" > "$WORK/input-$i.json"
  read -r ns median < <(bench "$entry" "$WORK/input-$i.json")
  echo "rules bench: $name: $ns ns/op" >&2
  [ -z "$anchor" ] && anchor="$ns"
  rows+=("$(python3 -c "import sys; ns, med, a = map(float, sys.argv[1:4]); print(f'| {sys.argv[4]} | {ns / 1e6:.3f} | {med / 1e6:.3f} | {ns / a:.2f} |')" "$ns" "$median" "$anchor" "$name")")
done < "$WORK/cases.txt"

echo "## Treaty rules of schema_version 2 (issue 13)"
echo
echo "\`opa bench\` in process with the read-optimised store (as the supervised OPA runs), the shipped rules and the"
echo "fictional agreements of policies-test/ loaded together (5 agreements), one query per row; the ratio is to the"
echo "first row, the seeds' rules, measured in the same run. Load average at the start: $load (2 cores)."
echo
echo "| decision | ms/op | median eval (ms) | ratio to the v1 anchor |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Reproduce: \`scripts/bench-rules.sh\` (part of \`make bench\`)."
