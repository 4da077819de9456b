#!/usr/bin/env bash
# Login round trip through Keycloak (issue 6, "Measure"); prints one Markdown section on stdout.
#   scripts/bench-keycloak.sh        (LOGINS=20 HTTP logins, BROWSER_LOGINS=10 Chromium logins)
# Starts the loopback Keycloak (scripts/keycloak.sh) and runs KeycloakLoginBench (test classes, keycloak
# profile, the real portal on a random port).
set -euo pipefail
cd "$(dirname "$0")/.."
url="$(scripts/keycloak.sh start)"
out="$(pwd)/target/keycloak-login-bench.md"
rm -f "$out"
DATAEMBASSY_TEST_KEYCLOAK_URL="$url" DATAEMBASSY_TEST_KEYCLOAK_ADMIN_PASSWORD="$(scripts/keycloak.sh admin-password)" \
  mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KeycloakLoginBench \
    -DargLine="-Dbench.out=$out -Dbench.logins=${LOGINS:-20} -Dbench.browser-logins=${BROWSER_LOGINS:-10}" >&2
echo "## Login through Keycloak"
echo
echo "Keycloak $(cat "${DATA_EMBASSY_CACHE:-$HOME/.cache/data-embassy}/keycloak-26.5.6/version.txt" 2>/dev/null | head -1) (start-dev,"
echo "in-memory database) and the portal (\`keycloak\` profile) on this machine, loopback; load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo
cat "$out"
