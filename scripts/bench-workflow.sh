#!/usr/bin/env bash
# Workflow benchmark (issue 5, "Measure"); prints one Markdown section on stdout, progress on stderr.
#   scripts/bench-workflow.sh                 (1,000 transfers; TRANSFERS=200 for a quick run)
#   BIG_SOURCE=/path/to/folder scripts/bench-workflow.sh   also times onboarding approval → first verified
#                                            replica for that folder (make bench passes its 1 GiB tree)
# Runs the Java harness WorkflowBench (test classes) on the embedded default: H2 file database in a temp
# folder, supervised OPA, folder sites, Camunda's job executor; everything through the portal's services.
set -euo pipefail
cd "$(dirname "$0")/.."
OPA="${OPA_BINARY:-$HOME/.cache/data-embassy/bin/opa}"
[ -x "$OPA" ] || scripts/tools.sh opa >&2
WORK="${BENCH_DIR:-/tmp/data-embassy-bench}/workflow"
TRANSFERS="${TRANSFERS:-1000}"
CONCURRENCY="${CONCURRENCY:-4}"
rm -rf "$WORK" && mkdir -p "$WORK"
${MVN:-mvn -B -q} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
load="$(cut -d" " -f1-3 /proc/loadavg)"
OPA_BINARY="$OPA" java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.transfers="$TRANSFERS" -Dbench.transfer-concurrency="$CONCURRENCY" -Dbench.big-source="${BIG_SOURCE:-}" \
  -Dbench.out="$WORK/harness.md" -Djava.io.tmpdir="$WORK" org.dataembassy.portal.transfers.bench.WorkflowBench >&2

echo "## Workflows (issue 5)"
echo
echo "Measured on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $load at the start (compare ratios),"
echo "$(java -version 2>&1 | head -1), OPA $("$OPA" version | awk '/^Version/ {print $2}'). The portal runs on its embedded"
echo "default in one JVM (${JAVA_OPTS:--Xmx1g}): H2 file database, the supervised OPA, folder sites, Camunda's job executor."
echo
echo "**Transfers on the automatic-allow path** (a tiny ACTIVE dataset, ee_lu, to embassy-lu): a data owner's"
echo "request → treaty decision by the real OPA (recorded, audited) → replicate to the site → scrub the site → the"
echo "audited TRANSFER_COMPLETED with the verified snapshot as evidence. Latency is request → that event. Closed"
echo "loop; the first row keeps one request outstanding, the second $CONCURRENCY. The anchor calls the same three"
echo "steps directly (decide, replicate, scrub), in sequence, without Camunda, in the same portal."
echo
cat "$WORK/harness.md"
echo
echo "## Authorization per request (issue 6)"
echo
echo "Same portal, same run, one caller, after a warm-up of the same length: the plain role check the services"
echo "did inline before, against the same question asked of OPA's \`dataembassy/authz\` policy over loopback HTTP."
echo
cat "$WORK/harness-authz.md"
echo
echo "Reproduce: \`scripts/bench-workflow.sh\` (run by \`make bench\`, with its 1 GiB tree as \`BIG_SOURCE\`);"
echo "\`TRANSFERS=200\` for a quick run."
