#!/usr/bin/env bash
# Policy decision benchmark (issue 4, "Measure"); prints one Markdown section on stdout, progress on stderr.
#   scripts/bench-policy.sh                      (10 s per row; SECONDS_PER_ROW=3 for a quick run)
# 1. Generates a policy folder with 50 agreements: policies/ plus 48 synthetic treaties derived from the
#    two seeds (distinct keys bench_aNN, ids, parties, sites, varied terms), each with its thin treaty
#    package made like the seeds'; checks it (opa check --strict, opa test, no contract violations).
# 2. Runs the floor: `opa bench` on the onboarding decision, in-process and end-to-end over HTTP (--e2e).
# 3. Runs the Java harness (PolicyBench, test classes): the real portal with that folder, decisions through
#    PolicyDecisions.decide with 1, 2 and 4 threads, then publish → active with default and tuned polling.
# PROFILE=1 also records a JFR profile of the harness (target/policy-bench.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
OPA="${OPA_BINARY:-$HOME/.cache/data-embassy/bin/opa}"
[ -x "$OPA" ] || scripts/tools.sh opa >&2
WORK="${BENCH_DIR:-/tmp/data-embassy-bench}/policy"
SECONDS_PER_ROW="${SECONDS_PER_ROW:-10}"
AGREEMENTS=50
rm -rf "$WORK" && mkdir -p "$WORK"
FOLDER="$WORK/policies"

python3 - policies "$FOLDER" $((AGREEMENTS - 2)) <<'PY'
import json, os, shutil, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.copytree(src, out)
agreements = os.path.join(out, "dataembassy", "agreements")
seeds = ["ee_lu", "mc_lu"]
hosts = ["LU", "CH", "IS", "NO", "FI", "SE", "DK", "NL"]
origins = ["EE", "MC", "LV", "LT", "PL", "UA", "GE", "MD", "SK", "SI", "HR", "CZ", "BE", "IE", "PT", "AT", "MT", "CY"]
classes = ["PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL"]
for i in range(1, n + 1):
    seed = seeds[i % 2]
    key, ident = f"bench_a{i:02d}", f"bench-a{i:02d}"
    terms = json.load(open(os.path.join(agreements, seed, "data.json")))["terms"]
    origin, host = origins[i % len(origins)], hosts[(i // len(origins)) % len(hosts)]
    terms["id"] = ident
    terms["title"] = f"Synthetic benchmark agreement {i:02d} ({origin} in {host}), derived from {seed}"
    terms["treaty_reference"] = f"Synthetic, for benchmarks only (derived from {seed})"
    terms["parties"] = {"originating_state": origin, "host_state": host}
    terms["lifecycle"]["signed"] = f"20{10 + i % 12:02d}-0{1 + i % 9}-15"
    terms["lifecycle"]["in_force_from"] = terms["validity"]["from"] = f"20{11 + i % 12:02d}-01-01"
    terms["data"]["permitted_classifications"] = classes[: 3 + i % 2]  # every other one stops at RESTRICTED
    terms["data"]["personal_data_requires_review"] = i % 3 != 0
    terms["data"]["personal_data_transfer_requires_review"] = i % 4 == 0
    terms["jurisdiction"] = {"law": origin, "court_orders_recognised_from": [origin]}
    terms["personnel"]["cleared_by"] = origin
    terms["audit"] = {"by": [origin], "max_per_year": 1 + i % 3}
    terms["notification"]["incident_hours"] = 12 + 12 * (i % 3)
    terms["activation"]["quorum"] = {"m": 2 + i % 2, "n": 3 + i % 2}
    terms["sites"] = [{"id": f"{host.lower()}-host-{key}", "state": host, "role": "embassy"},
                      {"id": f"{origin.lower()}-origin-{key}", "state": origin, "role": "origin"}]
    folder = os.path.join(agreements, key)
    os.makedirs(folder)
    with open(os.path.join(folder, "data.json"), "w") as fh:
        json.dump({"terms": terms}, fh, indent=2)
        fh.write("\n")
    # The treaty package exactly like the seed's, under its own key (the seed's hand-written rules included).
    with open(os.path.join(folder, f"{key}.rego"), "w") as fh:
        fh.write(open(os.path.join(agreements, seed, f"{seed}.rego")).read().replace(seed, key))
manifest = os.path.join(out, ".manifest")
m = json.load(open(manifest))
m["revision"] = f"bench-{n + len(seeds)}-agreements"
with open(manifest, "w") as fh:
    json.dump(m, fh, indent=2)
PY
count=$(find "$FOLDER/dataembassy/agreements" -name data.json | wc -l)
[ "$count" -eq "$AGREEMENTS" ] || { echo "generated $count agreements, not $AGREEMENTS" >&2; exit 1; }
"$OPA" check --strict "$FOLDER" >&2
"$OPA" test "$FOLDER" >&2
violations=$("$OPA" eval -d "$FOLDER" -f raw 'count(data.dataembassy.contract.violations)')
[ "$violations" = 0 ] || { echo "the generated agreements break the treaty contract ($violations violations)" >&2; exit 1; }
echo "generated $FOLDER: $count agreements, opa check --strict and opa test pass, no contract violations" >&2

# The floor: the same query and input as the harness's onboarding rows, on the same folder.
echo '{"agreement":"bench_a25","dataset":{"classification":"CONFIDENTIAL","personal_data":true,"register":""}}' > "$WORK/input.json"
floor() { # prints "<ns/op> <median eval or handler ns>" for opa bench with these extra flags
  "$OPA" bench "$@" -b "$FOLDER" -i "$WORK/input.json" 'data.dataembassy.onboarding.decision' --format json 2>/dev/null \
    | python3 -c 'import json, sys
d = json.load(sys.stdin); x = d["Extra"]
median = x.get("histogram_timer_server_handler_ns_median", x.get("histogram_timer_rego_query_eval_ns_median", 0))
print(d["T"] / d["N"], median, d["N"])'
}
read -r opa_ns opa_median opa_n < <(floor)
read -r e2e_ns e2e_median e2e_n < <(floor --e2e)
echo "opa bench: $opa_ns ns/op in-process, $e2e_ns ns/op end-to-end" >&2

# The harness runs on the test classpath (it is test code, kept out of the production jar).
${MVN:-mvn -B -q} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
jfr=()
[ "${PROFILE:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=filename=target/policy-bench.jfr,settings=profile)
OPA_BINARY="$OPA" java ${JAVA_OPTS:--Xmx1g} "${jfr[@]}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.policy-dir="$FOLDER" -Dbench.seconds="$SECONDS_PER_ROW" -Dbench.warmup-seconds="$SECONDS_PER_ROW" \
  -Dbench.out="$WORK/harness.md" org.dataembassy.portal.policy.bench.PolicyBench >&2

p50_1=$(awk -F'|' '/PolicyDecisions.decide` onboarding/ && $3 + 0 == 1 {print $4 + 0}' "$WORK/harness.md")
echo "## Policy decisions (issue 4)"
echo
echo "Measured on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, shared with other builds (noisy: compare ratios),"
echo "$(java -version 2>&1 | head -1), OPA $("$OPA" version | awk '/^Version/ {print $2}'), $AGREEMENTS agreements"
echo "(the two seeds and 48 synthetic ones derived from them). Targets (issue 4): p99 ≤ 5 ms and ≥ 2,000 decisions/s"
echo "on 2 cores, through \`PolicyDecisions\` against the supervised OPA."
echo
echo "The portal runs in one JVM (${JAVA_OPTS:--Xmx1g}) with an H2 file database in a temp folder and the supervised OPA;"
echo "each call is \`PolicyDecisions.decide\` as \`system:workflow\`: OPA over HTTP, the decision recorded in"
echo "\`policy_decision\` and appended to the hash-chained audit trail in the same transaction. Closed loop,"
echo "${SECONDS_PER_ROW} s per row after a ${SECONDS_PER_ROW} s warm-up; queries cycle over all $AGREEMENTS agreements and three datasets."
echo
cat "$WORK/harness.md"
echo
echo "Floor: \`opa bench\` on the same folder, query \`data.dataembassy.onboarding.decision\` and an onboarding input:"
echo
echo "| opa bench | iterations | ns/op | median |"
echo "|---|---|---|---|"
awk -v ns="$opa_ns" -v m="$opa_median" -v n="$opa_n" 'BEGIN { printf "| in-process (evaluation only) | %d | %.0f (%.2f ms) | %.2f ms |\n", n, ns, ns / 1e6, m / 1e6 }'
awk -v ns="$e2e_ns" -v m="$e2e_median" -v n="$e2e_n" 'BEGIN { printf "| --e2e (OPA server over HTTP) | %d | %.0f (%.2f ms) | %.2f ms (handler) |\n", n, ns, ns / 1e6, m / 1e6 }'
echo
awk -v ours="$p50_1" -v ns="$opa_ns" -v e2e="$e2e_ns" 'BEGIN {
  printf "Ratio: our p50 (decide, onboarding, 1 thread) / opa bench floor = %.2f ms / %.2f ms = %.2f (in-process); %.2f against --e2e.\n",
    ours, ns / 1e6, ours / (ns / 1e6), ours / (e2e / 1e6) }'
if [ -f "$WORK/findings.md" ]; then echo; cat "$WORK/findings.md"; fi
echo
echo "Reproduce: \`scripts/bench-policy.sh\` (run by \`make bench\`); \`SECONDS_PER_ROW=3\` for a quick run, \`PROFILE=1\` for a JFR profile."
