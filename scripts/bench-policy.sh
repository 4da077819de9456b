#!/usr/bin/env bash
# Policy decision benchmark (issue 4, "Measure"); prints one Markdown section on stdout, progress on stderr.
#   scripts/bench-policy.sh                      (10 s per row; SECONDS_PER_ROW=3 for a quick run)
# 1. Generates a policy folder with 50 agreements: policies/ plus 48 synthetic treaties derived from the
#    two seeds (distinct keys bench_aNN, ids, parties, sites, varied terms), each with its thin treaty
#    package made like the seeds'; checks it (opa check --strict, opa test, no contract violations).
# 2. Runs the floor: `opa bench` on the onboarding decision, in-process and end-to-end over HTTP (--e2e).
# 3. Runs the Java harness (PolicyBench, test classes): the real portal with that folder, decisions through
#    PolicyDecisions.decide with 1, 2 and 4 threads, then publish → active (long polling; fallback polling default and tuned).
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
# The fictional agreements of schema_version 2 (policies-test/), their data and treaty packages (not their case
# tables): the v2 rows ask them, with host-state events in every input's facts.
for key in ["xa_xb", "xc_xd", "xe_xf"]:
    os.makedirs(os.path.join(agreements, key))
    for name in ["data.json", f"{key}.rego"]:
        shutil.copy(os.path.join("policies-test", "dataembassy", "agreements", key, name), os.path.join(agreements, key, name))
manifest = os.path.join(out, ".manifest")
m = json.load(open(manifest))
m["revision"] = f"bench-{n + len(seeds)}-agreements"
with open(manifest, "w") as fh:
    json.dump(m, fh, indent=2)
PY
count=$(find "$FOLDER/dataembassy/agreements" -name data.json | wc -l)
[ "$count" -eq $((AGREEMENTS + 3)) ] || { echo "generated $count agreements, not $AGREEMENTS + 3 fictional" >&2; exit 1; }
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
# The supervised OPA runs with --optimize-store-for-read-speed (see the findings below), so that is the floor;
# the default store is shown beside it. --e2e does not seem to hand the flag to its server (its figures do
# not move with it), so it is the HTTP floor of the default store.
read -r opa_ns opa_median opa_n < <(floor --optimize-store-for-read-speed)
read -r def_ns def_median def_n < <(floor)
read -r e2e_ns e2e_median e2e_n < <(floor --e2e)
echo "opa bench: $opa_ns ns/op in-process (read-optimised store), $def_ns default store, $e2e_ns end-to-end" >&2

# The harness runs on the test classpath (it is test code, kept out of the production jar).
${MVN:-mvn -B -q} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
jfr=()
[ "${PROFILE:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=filename=target/policy-bench.jfr,settings=profile)
OPA_BINARY="$OPA" java ${JAVA_OPTS:--Xmx1g} "${jfr[@]}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.policy-dir="$FOLDER" -Dbench.seconds="$SECONDS_PER_ROW" -Dbench.warmup-seconds="$SECONDS_PER_ROW" \
  -Dbench.out="$WORK/harness.md" org.dataembassy.portal.policy.bench.PolicyBench >&2

# p50/p99 of the 1-thread row named exactly $1
p50() { awk -F'|' -v what="$1" '{ gsub(/^ +| +$/, "", $2) } $2 == what && $3 + 0 == 1 {print $4 + 0}' "$WORK/harness.md"; }
p99() { awk -F'|' -v what="$1" '{ gsub(/^ +| +$/, "", $2) } $2 == what && $3 + 0 == 1 {print $5 + 0}' "$WORK/harness.md"; }
p50_1=$(p50 '`PolicyDecisions.decide` onboarding')
echo "## Policy decisions (issue 4)"
echo
echo "Measured on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg) at the start (compare ratios),"
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
row() { awk -v what="$1" -v n="$2" -v ns="$3" -v m="$4" 'BEGIN { printf "| %s | %d | %.0f (%.2f ms) | %.2f ms |\n", what, n, ns, ns / 1e6, m / 1e6 }'; }
row "in-process, \`--optimize-store-for-read-speed\` (as the supervised OPA runs)" "$opa_n" "$opa_ns" "$opa_median"
row "in-process, default store" "$def_n" "$def_ns" "$def_median"
row "\`--e2e\` (OPA server over HTTP, default store), median of the handler" "$e2e_n" "$e2e_ns" "$e2e_median"
echo
awk -v ours="$p50_1" -v ns="$opa_ns" -v e2e="$e2e_ns" 'BEGIN {
  printf "Ratio: our p50 (decide, onboarding, 1 thread) / opa bench floor (in-process, read-optimised store) = %.2f ms / %.2f ms = %.1f.\n",
    ours, ns / 1e6, ours / (ns / 1e6) }'
echo
echo "Schema_version 2 against the seeds' model, same run, 1 thread (issue 13's budget: no regression beyond 20 %):"
echo
echo "| decision | v1 p50 / p99 ms | v2 p50 / p99 ms | v2 / v1 at p50 | at p99 |"
echo "|---|---|---|---|---|"
for what in onboarding transfer; do
  awk -v w="$what" -v a="$(p50 "\`PolicyDecisions.decide\` $what")" -v b="$(p50 "\`PolicyDecisions.decide\` $what v2")" \
      -v c="$(p99 "\`PolicyDecisions.decide\` $what")" -v d="$(p99 "\`PolicyDecisions.decide\` $what v2")" \
    'BEGIN { printf "| %s | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f |\n", w, a, c, b, d, b / a, d / c }'
done
echo
echo "The v2 rows ask the three fictional agreements of policies-test/ (xa_xb, xc_xd, xe_xf: conditions, exceptions,"
echo "obligations in the answer), with one host-state event in force per agreement recorded in the database, so each"
echo "input carries \`facts.events\` as in production; the v1 rows ask the 50 agreements of the seeds' model."
awk -F'|' -v cores="$(nproc)" '/PolicyDecisions.decide`/ { n = $3 + 0; p99 = $5 + 0; rate = $7 + 0; cpu = $9 + 0
    if (rate > best) { best = rate; at = n; bestp99 = p99 }
    if (cpu > 0 && (mincpu == 0 || cpu < mincpu)) mincpu = cpu
    if (p99 <= 5) met = met sprintf(" %s×%d", $2 ~ /transfer/ ? "transfer" : "onboarding", n) }
  END { printf "\nAgainst the targets, this run: best %.0f decisions/s (%d threads, p99 %.2f ms) — %s 2,000/s; p99 ≤ 5 ms met in: %s.\n",
    best, at, bestp99, (best >= 2000 ? "meets" : "misses"), (met == "" ? "no row" : met)
    if (mincpu > 0) printf "CPU per decision (portal JVM + OPA, least of the rows): %.2f ms, so %d idle cores would allow at most ~%.0f decisions/s.\n",
      mincpu, cores, cores * 1000 / mincpu }' "$WORK/harness.md"
echo
cat <<'MD'
OPA, the portal JVM and H2 share the two cores, so p99 and max include scheduling delay; the
`OpaDecisionClient.query` rows (OPA over HTTP, nothing recorded) are the ceiling of any path through OPA here.

Findings (profiling for issue 4, 2026-11-26, same machine, load average 10–14 while measuring):

- **OPA's store was the cost, not Java.** Before the fix, `decide` had a p50 of ~11 ms and ~75–100 decisions/s,
  and `opa bench` on this folder took 7.5 ms/op (0.59 ms/op with the two seeds alone): OPA's default in-memory
  store converts every agreement's `terms` into its AST form on each evaluation (`treaty.agreements` builds
  the map of all agreements; `opa eval --profile`: 3.2 ms of 4.4 ms on `treaty.rego:12`), so the cost grew
  with the number of agreements. With `--optimize-store-for-read-speed` (data kept as AST) the same query
  takes ~0.4–0.5 ms/op with 2 or 50 agreements. **Fix:** the supervised OPA is started with that flag
  (`PolicyEngineConfiguration`); decisions, bundle signing/verification and fail-closed denies are
  unchanged; the price is memory and slower data writes, which a read-only bundle does not mind. External
  OPAs (production) should be run with the same flag. After the fix, `decide` p50 fell to ~1.1–2.5 ms
  (depending on the load) and throughput rose 4–8×.
- **Where the portal's own time goes after the fix** (JFR execution samples of the calling threads): OPA
  client (request building, JSON both ways, JDK `HttpClient` with kept-alive connections) ~42%; Spring
  Security's method authorization ~19%, mostly its Micrometer observation (a long-task timer per check);
  the audit append (hash chain, three statements on H2 under the head-row lock) ~17%; the decision record
  insert ~10%; transaction begin/commit ~10%. Most wall time is waiting for OPA and for a CPU. The audit
  head-row lock serialises decisions by design (one hash chain), which caps scaling with threads.
- **Not changed, on purpose:** every decision is still recorded and audited in the caller's transaction
  (the counts above match), and fail-closed semantics are untouched. Turning off the security observation
  (`management.observations.enable.spring.security=false`) is now set in application.yml: nothing exports
  those timers. The throughput target leaves 1 ms of CPU per decision on 2 cores for OPA, the portal and H2
  together; the CPU line above says it is missed even on idle cores, not merely blurred by noise, and the
  `OpaDecisionClient.query` rows — OPA over HTTP with nothing recorded — top out near 1,900/s: no path
  through an OPA server on these two cores reaches 2,000/s. p99 ≤ 5 ms holds only for a single caller;
  with more callers than cores the tail is scheduling delay.
- **Publish → active**: the portal answers OPA's long polls (`Prefer: wait=10`) the moment a new bundle is
  served, so the time is OPA's download, signature check and activation of the 50-agreement bundle plus
  our 25 ms status polling — no longer OPA's polling interval (0.5–2 s before long polling). The two rows
  differ only in the fallback polling interval, which long polling makes irrelevant.
MD
echo
echo "Reproduce: \`scripts/bench-policy.sh\` (run by \`make bench\`); \`SECONDS_PER_ROW=3\` for a quick run, \`PROFILE=1\` for a JFR profile."
