#!/usr/bin/env bash
# Compares the replication engine with restic on a generated dataset.
#   SIZE_MB=1024 scripts/bench-replication.sh        (default 1 GiB: half random, half register-like CSV)
# Measures initial backup throughput, incremental wall time after rewriting 100 KB in the middle
# of 8 files, restore throughput, full verification (restic check --read-data vs our scrub),
# stored bytes and peak RSS (/usr/bin/time -v). Both tools write to one local folder repository.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB="${SIZE_MB:-1024}"
WORK="${BENCH_DIR:-/tmp/data-embassy-bench}"
command -v restic >/dev/null || scripts/tools.sh bench
[ -x /usr/bin/time ] || scripts/tools.sh bench
# Classes and runtime classpath only (the web frontend is not needed by the command line).
mvn -q -B resources:resources compiler:compile dependency:build-classpath@runtime-classpath >/dev/null
# JVM flags: the launcher's defaults (heap cap), or JAVA_OPTS if set; no JIT flags needed with native AES-GCM.
# The operators' launcher (JVM flags, AppCDS archive in ~/.cache/data-embassy/cds).
OURS=(scripts/embassy-replication --state "$WORK/state")
export RESTIC_PASSWORD=bench RESTIC_REPOSITORY="$WORK/restic"

rm -rf "$WORK" && mkdir -p "$WORK/src"
half=$((SIZE_MB / 2))
for i in $(seq 1 8); do head -c $((half * 1024 * 1024 / 8)) /dev/urandom > "$WORK/src/random-$i.bin"; done
python3 - "$WORK/src" "$half" <<'PY'
import sys, random
out, mb = sys.argv[1], int(sys.argv[2])
r = random.Random(1)
names = ["Ana", "Mykola", "Olena", "Taras", "Iryna", "Petro", "Sofia", "Andrii"]
for f in range(8):
    target = mb * 1024 * 1024 // 8
    with open(f"{out}/register-{f+1}.csv", "w") as fh:
        fh.write("id,surname,given,birth,parcel,area_m2,registered\n")
        n = 0; size = 0
        while size < target:
            line = f"{f}{n:09d},{r.choice(names)}enko,{r.choice(names)},19{r.randint(30,99)}-{r.randint(1,12):02d}-{r.randint(1,28):02d},UA-{r.randint(0,99999999):08d},{r.randint(50,500000)},{r.randint(1991,2024)}\n"
            fh.write(line); size += len(line); n += 1
PY
measure() { # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$WORK/$label.out" 2> "$WORK/$label.time"
  end=$(date +%s.%N)
  local rss; rss=$(grep "Maximum resident" "$WORK/$label.time" | awk '{print $6}')
  printf '%s %.2f %s\n' "$label" "$(echo "$end - $start" | bc)" "$rss" | tee -a "$WORK/results.txt"
}
# Training run, as an operator's first run would be: records the launcher's AppCDS archive if missing.
mkdir -p "$WORK/warm/src" && echo warm-up > "$WORK/warm/src/a.txt"
scripts/embassy-replication --state "$WORK/warm/state" init --site w=folder:"$WORK/warm/site" >/dev/null
scripts/embassy-replication --state "$WORK/warm/state" dataset create warm >/dev/null
scripts/embassy-replication --state "$WORK/warm/state" replicate warm "$WORK/warm/src" >/dev/null
scripts/embassy-replication --state "$WORK/warm/state" scrub warm >/dev/null
rm -rf "$WORK/warm"
"${OURS[@]}" init --site local=folder:"$WORK/site" >/dev/null
"${OURS[@]}" dataset create bench >/dev/null # default settings (zstd level 1)
restic init >/dev/null

measure ours-initial "${OURS[@]}" replicate bench "$WORK/src"
measure restic-initial restic backup -q "$WORK/src"
for i in 1 2 3 4; do
  for f in "$WORK/src/random-$i.bin" "$WORK/src/register-$i.csv"; do
    sz=$(stat -c %s "$f"); dd if=/dev/urandom of="$f" bs=1k count=100 seek=$((sz / 2048)) conv=notrunc status=none
  done
done
measure ours-incremental "${OURS[@]}" replicate bench "$WORK/src"
measure restic-incremental restic backup -q "$WORK/src"
measure ours-restore "${OURS[@]}" restore bench --site local --target "$WORK/restore-ours"
measure restic-restore restic restore latest --target "$WORK/restore-restic"
measure ours-verify "${OURS[@]}" scrub bench
measure restic-verify restic check --read-data
diff -r "$WORK/src" "$WORK/restore-ours" >/dev/null && echo "ours restore: identical"
ours_bytes=$(du -sb "$WORK/site" | cut -f1); restic_bytes=$(du -sb "$WORK/restic" | cut -f1)
echo "stored bytes: ours $ours_bytes restic $restic_bytes"
echo "--- seconds (ratio restic/ours > 1 means we are faster), peak RSS KB"
echo "ours_bytes=$ours_bytes restic_bytes=$restic_bytes" >> "$WORK/results.txt"
awk -v mb="$SIZE_MB" '{t[$1]=$2; r[$1]=$3} END {
  split("initial incremental restore verify", k, " ");
  for (i=1;i<=4;i++) { o=t["ours-" k[i]]; s=t["restic-" k[i]];
    printf "%-12s ours %7.2fs (%6.1f MB/s, rss %s)  restic %7.2fs (%6.1f MB/s, rss %s)  ratio %.2f\n",
      k[i], o, mb/o, r["ours-" k[i]], s, mb/s, r["restic-" k[i]], s/o } }' "$WORK/results.txt"
