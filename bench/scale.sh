#!/usr/bin/env bash
# How a run's cost grows with input size and error rate (see docs/performance.md).
#
#   bench/scale.sh [RUNS]      default: 3 runs
#
# Console logs of 128, 512 and 2048 MB at 1.5 % warn/error lines, and 128 MB logs at 1.5 %, 10 %
# and 100 %, generated as bench/run.sh does (seeded, kept under bench/data/). Each is read once so
# it is in the page cache, then analysed RUNS times by the launcher under -Xmx256m. Prints the
# median wall time, the run's own time (--stats: reading to report, without JVM start), lines/s by
# each, and the largest peak heap of the runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
data=bench/data
mkdir -p "$data"
./otel-doctor --version >/dev/null

gen() { # name error-rate size-mb
  local f="$data/$1"
  [ -s "$f" ] || python3 bench/generate.py --size $(( $3 * 1024 * 1024 )) --format console --error-rate "$2" --seed 42 "$f"
}
gen console-128m.log 0.015 128
gen console-512m.log 0.015 512
gen console-2048m.log 0.015 2048
gen mixed10-128m.log 0.10 128
gen errors-128m.log 1.0 128

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # label file
  local label="$1" file="$2" i s e walls="" owns="" heap=0 lines
  cat "$file" > /dev/null
  lines=$(wc -l < "$file")
  for i in $(seq 1 "$runs"); do
    s=$(date +%s.%N)
    OTEL_DOCTOR_JAVA_OPTS=-Xmx256m ./otel-doctor analyze --format json --stats "$file" > "$data/.out" 2> "$data/.stats" || true
    e=$(date +%s.%N)
    walls+="$(echo "$e - $s" | bc -l)"$'\n'
    owns+="$(grep -o 'in [0-9.]* s' "$data/.stats" | head -1 | cut -d' ' -f2)"$'\n'
    h=$(grep -o 'peak heap [0-9]*' "$data/.stats" | grep -o '[0-9]*$')
    (( h > heap )) && heap=$h
  done
  local w o
  w=$(printf '%s' "$walls" | median); o=$(printf '%s' "$owns" | median)
  printf '%-28s %9d lines  wall %6.2fs (%9.0f lines/s)  own %6.2fs (%9.0f lines/s)  peak heap %4d MiB\n' \
    "$label" "$lines" "$w" "$(echo "$lines / $w" | bc -l)" "$o" "$(echo "$lines / $o" | bc -l)" "$heap"
}

echo "otel-doctor scale: $(nproc) cores, $(java -version 2>&1 | head -1), $runs runs, medians"
measure "console 1.5 %, 128 MB" "$data/console-128m.log"
measure "console 1.5 %, 512 MB" "$data/console-512m.log"
measure "console 1.5 %, 2 GB" "$data/console-2048m.log"
measure "console 10 %, 128 MB" "$data/mixed10-128m.log"
measure "console 100 %, 128 MB" "$data/errors-128m.log"
rm -f "$data/.out" "$data/.stats"
