#!/usr/bin/env bash
# `make bench`: runs the benchmarks against their anchors in the same run on this machine and writes
# docs/benchmarks.md. Ratios, not absolute numbers, are what the targets refer to.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/tools.sh bench
SIZE_MB="${SIZE_MB:-1024}"
WORK="${BENCH_DIR:-/tmp/data-embassy-bench}"
OUT=docs/benchmarks.md
LOG="$(mktemp)"

aes=$(openssl speed -evp aes-256-gcm -seconds 2 2>/dev/null | awk '/^AES-256-GCM|^aes-256-gcm/ {print $(NF)}' | tail -1)
mkdir -p "$WORK"
disk=$(dd if=/dev/zero of="$WORK/ddtest" bs=1M count=512 conv=fdatasync 2>&1 | awk '/copied/ {print $(NF-1), $NF}'); rm -f "$WORK/ddtest"

SIZE_MB="$SIZE_MB" BENCH_DIR="$WORK" scripts/bench-replication.sh | tee "$LOG"

{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1), $(restic version | cut -d' ' -f1-2). Every figure comes from the same run;"
  echo "compare ratios, not absolute times (shared machines are noisy)."
  echo
  echo "## Machine limits (same run)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| \`openssl speed -evp aes-256-gcm\` (16 KiB blocks) | ${aes:-n/a} kB/s |"
  echo "| disk write 512 MiB with fdatasync | ${disk:-n/a} |"
  echo
  echo "## Replication engine vs restic (${SIZE_MB} MiB: half random, half register-like CSV)"
  echo
  echo "Targets (issue 3): initial ≥ 2.0× restic throughput; incremental ≤ restic wall time; restore ≥ 1.2×;"
  echo "verify ≥ 1.0× \`restic check --read-data\`; stored bytes ≤ 1.05×; peak RSS ≤ 512 MiB."
  echo
  echo '```'
  sed -n '/^--- seconds/,$p' "$LOG"
  grep -E '^stored bytes|identical' "$LOG" || true
  echo '```'
  echo
  echo "Reproduce: \`make bench\` (or \`SIZE_MB=256 make bench\` for a quick run)."
} > "$OUT"
echo "wrote $OUT"
