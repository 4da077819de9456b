#!/usr/bin/env bash
# Measures the portal jar: start-up time (as Spring reports it and wall-clock to a healthy /actuator/health)
# and resident memory when idle. Usage: scripts/measure-foundation.sh [jar]
set -euo pipefail
JAR="${1:-target/data-embassy-portal-0.1.0-SNAPSHOT.jar}"
[ -f "$JAR" ] || { echo "build first: mvn package -DskipTests" >&2; exit 1; }
WORK="$(mktemp -d)"
PORT="${PORT:-18080}"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
START=$(date +%s.%N)
( cd "$WORK" && exec java ${JAVA_OPTS:-} -jar "$(realpath "$OLDPWD/$JAR")" --server.port="$PORT" > portal.log 2>&1 ) &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/portal.log"; exit 1; }
  sleep 0.2
done
READY=$(date +%s.%N)
sleep 20
JVM_PID=$(pgrep -P "$PID" java || echo "$PID")
RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/"$JVM_PID"/status 2>/dev/null || awk '/VmRSS/ {print $2}' /proc/"$PID"/status)
OPA_PID=$(pgrep -f "opa run --server" | head -1 || true)
OPA_KB=$( [ -n "$OPA_PID" ] && awk '/VmRSS/ {print $2}' /proc/"$OPA_PID"/status || echo 0)
printf 'spring-reported start-up: %s\n' "$(grep -o 'Started PortalApplication in [0-9.]* seconds' "$WORK/portal.log")"
printf 'wall clock to healthy: %.1f s\n' "$(echo "$READY - $START" | bc)"
printf 'idle RSS portal JVM: %d MiB, supervised OPA: %d MiB\n' $((RSS_KB / 1024)) $((OPA_KB / 1024))
