#!/usr/bin/env bash
# `make soak`: the packaged jar under a long, bounded, mixed workload (docs/operations.md, "Soak").
#   make soak                    30 minutes, 5-minute windows
#   SOAK_MINUTES=5 make soak     the quick check, 1-minute windows
# Optional: SOAK_WINDOW_MINUTES, SOAK_BROWSERS (2), SOAK_API_THREADS (2), SOAK_API_RATE (4 requests/s per client),
# SOAK_PUBLISH_SECONDS (60), SOAK_DOCS (docs/soak.md; empty: write only target/soak/soak.md), SOAK_JAVA_OPTS (the
# portal's: -Xms1g -Xmx1g -XX:+AlwaysPreTouch, the heap of make run committed and touched at start, so that resident
# memory grows only with what is not heap sizing).
# Compiles the driver (test classes; the jar's classes are already built, the Vaadin front-end is not rebuilt) and
# runs org.dataembassy.portal.soak.SoakRun, which starts the jar in a fresh target/soak/data, drives the workload,
# writes target/soak/soak-report.json and the Markdown page, and exits 1 if the portal did not stay flat.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/data-embassy-portal-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "no $JAR: run 'make build' (make soak does)" >&2; exit 2; }
scripts/tools.sh opa
scripts/tools.sh browser
OUT=target/soak
rm -rf "$OUT" && mkdir -p "$OUT"
${MVN:-mvn -B -ntp -q} resources:testResources compiler:testCompile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/soak-classpath.txt >&2
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/soak-classpath.txt)" \
  -Dsoak.minutes="${SOAK_MINUTES:-30}" \
  ${SOAK_WINDOW_MINUTES:+-Dsoak.window-minutes="$SOAK_WINDOW_MINUTES"} \
  -Dsoak.browsers="${SOAK_BROWSERS:-2}" -Dsoak.api-threads="${SOAK_API_THREADS:-2}" \
  -Dsoak.api-rate="${SOAK_API_RATE:-4}" -Dsoak.publish-seconds="${SOAK_PUBLISH_SECONDS:-60}" \
  -Dsoak.docs="${SOAK_DOCS-docs/soak.md}" -Dsoak.java-opts="${SOAK_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}" \
  -Dsoak.out="$OUT" -Dsoak.jar="$JAR" org.dataembassy.portal.soak.SoakRun
