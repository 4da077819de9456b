#!/usr/bin/env bash
# Installs the tools the portal needs into a cache outside the clone, idempotently.
# Usage: scripts/tools.sh opa|regal|browser|postgres|keycloak|bench|openapi-lint|all
# Re-running is cheap: every step first checks whether its result is already there.
set -euo pipefail

CACHE="${DATA_EMBASSY_CACHE:-$HOME/.cache/data-embassy}"
BIN="$CACHE/bin"
OPA_VERSION="${OPA_VERSION:-v1.22.3}"
REGAL_VERSION="${REGAL_VERSION:-v0.37.0}"
mkdir -p "$BIN"

log() { printf '[tools] %s\n' "$*" >&2; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then
    log "apt-get update"
    $sudo apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_opa() {
  # Read the whole output first: `grep -q` closing the pipe early would fail the check under pipefail.
  if [ -x "$BIN/opa" ] && [ "$("$BIN/opa" version 2>/dev/null | sed -n 's/^Version: //p')" = "${OPA_VERSION#v}" ]; then
    return 0
  fi
  command -v go >/dev/null || { log "Go is needed to build OPA (or download the release binary, see README)"; exit 1; }
  log "building OPA $OPA_VERSION with go install (first time only, a few minutes)"
  GOBIN="$BIN" CGO_ENABLED=0 go install "github.com/open-policy-agent/opa@$OPA_VERSION"
  "$BIN/opa" version | head -1 >&2
}

# Regal, the Rego linter `make policy-test` runs (config: .regal/config.yaml), built like OPA. Regal takes its
# version from -ldflags only (a plain `go install` reports "unknown"), so it is stamped here and checked on re-runs.
# `go install …@version` also asks the module proxy for the module's version list (to look for a deprecation
# notice); where the proxy serves the version but refuses the list, the same version is built from a throwaway
# module that requires exactly it (the same build list: Regal's go.mod has no replace directives).
install_regal() {
  if [ -x "$BIN/regal" ] && [ "$("$BIN/regal" version 2>/dev/null | sed -n 's/^Version: *//p')" = "$REGAL_VERSION" ]; then
    return 0
  fi
  command -v go >/dev/null || { log "Go is needed to build Regal"; exit 1; }
  log "building Regal $REGAL_VERSION with go install (first time only, a few minutes)"
  local ldflags="-X github.com/open-policy-agent/regal/pkg/version.Version=$REGAL_VERSION"
  if ! GOBIN="$BIN" CGO_ENABLED=0 go install -ldflags "$ldflags" "github.com/open-policy-agent/regal@$REGAL_VERSION"; then
    log "go install refused; building Regal $REGAL_VERSION from a throwaway module instead"
    local tmp
    tmp="$(mktemp -d "$CACHE/regal-build.XXXXXX")"
    (cd "$tmp" && go mod init regal-build >/dev/null 2>&1 \
      && go get "github.com/open-policy-agent/regal@$REGAL_VERSION" >/dev/null 2>&1 \
      && GOBIN="$BIN" CGO_ENABLED=0 go install -ldflags "$ldflags" github.com/open-policy-agent/regal) \
      || { rm -rf "$tmp"; log "building Regal failed"; exit 1; }
    rm -rf "$tmp"
  fi
  "$BIN/regal" version | head -1 >&2
}

install_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  apt_install chromium chromium-driver
}

install_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return 0; fi
  apt_install postgresql
}

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_HOME="${KEYCLOAK_HOME:-$CACHE/keycloak-$KEYCLOAK_VERSION}"

# The Keycloak server distribution is published on Maven Central as org.keycloak:keycloak-quarkus-dist:zip;
# Maven fetches it (checking the repository's checksums) and it is unpacked once into the cache.
install_keycloak() {
  if [ -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then return 0; fi
  command -v unzip >/dev/null || apt_install unzip
  local tmp
  tmp="$(mktemp -d "$CACHE/keycloak-download.XXXXXX")"
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (first time only, 160 MB)"
  mvn -B -q -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true >&2
  unzip -q "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$tmp"
  rm -rf "$KEYCLOAK_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$tmp"
  log "Keycloak installed in $KEYCLOAK_HOME"
}

# The OpenAPI validator `make check` runs on docs/openapi.json (the generated document, OpenApiDocumentIT): a Python
# package from PyPI in its own virtual environment in the cache, pinned.
OPENAPI_VALIDATOR_VERSION="${OPENAPI_VALIDATOR_VERSION:-0.7.1}"
install_openapi_lint() {
  local venv="$CACHE/openapi-lint"
  if [ -x "$venv/bin/openapi-spec-validator" ] && [ -f "$venv/.version-$OPENAPI_VALIDATOR_VERSION" ]; then
    return 0
  fi
  python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
  rm -rf "$venv"
  python3 -m venv "$venv" >&2 || { apt_install python3-venv; python3 -m venv "$venv" >&2; }
  log "installing openapi-spec-validator $OPENAPI_VALIDATOR_VERSION from PyPI into $venv"
  "$venv/bin/pip" install -q "openapi-spec-validator==$OPENAPI_VALIDATOR_VERSION" >&2
  touch "$venv/.version-$OPENAPI_VALIDATOR_VERSION"
}

install_bench() {
  apt_install restic rclone hyperfine openssl time bc
}

case "${1:-all}" in
  opa) install_opa ;;
  regal) install_regal ;;
  browser) install_browser ;;
  postgres) install_postgres ;;
  keycloak) install_keycloak ;;
  bench) install_bench ;;
  openapi-lint) install_openapi_lint ;;
  all) install_opa; install_regal; install_browser; install_postgres; install_keycloak ;;
  *) echo "usage: $0 opa|regal|browser|postgres|keycloak|bench|openapi-lint|all" >&2; exit 2 ;;
esac
