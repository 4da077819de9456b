#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the `postgres` profile tests (and for trying the profile).
# Usage: scripts/postgres.sh start|stop|url|reset|sql DATABASE STATEMENT
# Idempotent: `start` on a running cluster only prints its URL. Data lives in the tool cache, outside the clone.
set -euo pipefail

CACHE="${DATA_EMBASSY_CACHE:-$HOME/.cache/data-embassy}"
# PostgreSQL refuses to run as root; as root the cluster belongs to the 'postgres' user, which cannot
# enter /root, so it lives under /var/tmp instead of the home-directory cache.
if [ "$(id -u)" -eq 0 ]; then PGDIR="${DATAEMBASSY_PG_DIR:-/var/tmp/data-embassy-postgres}"; else PGDIR="${DATAEMBASSY_PG_DIR:-$CACHE/postgres}"; fi
PORT="${DATAEMBASSY_PG_PORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$BIN" ] || { "$(dirname "$0")/tools.sh" postgres; BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() { echo "jdbc:postgresql://127.0.0.1:$PORT/dataembassy"; }

start() {
  mkdir -p "$PGDIR"
  [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /usr/sbin/nologin postgres; chown postgres "$PGDIR"; }
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$PGDIR/data" -U dataembassy --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off" start >/dev/null
  fi
  if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U dataembassy -d postgres -tAc \
      "select 1 from pg_database where datname='dataembassy'" | grep -q 1; then
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U dataembassy dataembassy
  fi
  url
}

stop() {
  [ -f "$PGDIR/data/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
}

reset_db() {
  start >/dev/null
  as_pg "$BIN/dropdb" -h 127.0.0.1 -p "$PORT" -U dataembassy --if-exists dataembassy
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U dataembassy dataembassy
  url
}

# one statement as the cluster's superuser (tests: a tablespace on a small filesystem)
sql() {
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U dataembassy -d "$1" -v ON_ERROR_STOP=1 -tAc "$2"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  reset) reset_db ;;
  sql) sql "$2" "$3" ;;
  *) echo "usage: $0 start|stop|url|reset|sql DATABASE STATEMENT" >&2; exit 2 ;;
esac
