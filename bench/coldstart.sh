#!/usr/bin/env bash
# Cold start: times the repo-root launcher on a 1,000-line failing log against `java -version`,
# alternating the two, and prints the medians and their ratio (see docs/performance.md). A
# 1,000-line healthy log (the same generator's lines without the export failures) is timed in the
# same rounds: with nothing to diagnose, a run does not wait for the rulebase.
#
#   bench/coldstart.sh [RUNS]      default: 11 runs
#
# The launcher is run once first so the jar is built and the class-data archive recorded; set
# OTEL_DOCTOR_NO_CDS=1 to time it without the archive.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-11}"
data=bench/data
mkdir -p "$data"
log="$data/coldstart-1000.log"
if [ ! -s "$log" ]; then
  python3 bench/generate.py --size 400000 --format console --error-rate 0.05 --seed 7 "$data/.coldstart.tmp"
  head -n 1000 "$data/.coldstart.tmp" > "$log"
  rm -f "$data/.coldstart.tmp"
fi
healthy="$data/coldstart-healthy-1000.log"
if [ ! -s "$healthy" ]; then
  python3 bench/generate.py --size 400000 --format console --error-rate 0 --seed 7 "$data/.coldstart.tmp"
  awk '!/Exporting failed/ && n++ < 1000' "$data/.coldstart.tmp" > "$healthy"
  rm -f "$data/.coldstart.tmp"
fi
./otel-doctor analyze "$log" > /dev/null 2>&1 || true

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" > "$data/.out" 2>/dev/null || true; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

rm -f "$data"/.t.*
for i in $(seq 1 "$runs"); do
  seconds java -version >> "$data/.t.java"
  seconds ./otel-doctor analyze "$log" >> "$data/.t.doctor"
  seconds ./otel-doctor analyze "$healthy" >> "$data/.t.healthy"
done
j=$(median < "$data/.t.java"); d=$(median < "$data/.t.doctor"); h=$(median < "$data/.t.healthy")
printf 'cold start, %d-line failing log, %s runs: otel-doctor %.3fs  java -version %.3fs  ratio %.2f\n' \
  "$(wc -l < "$log")" "$runs" "$d" "$j" "$(echo "$d / $j" | bc -l)"
printf 'cold start, %d-line healthy log, same runs: otel-doctor %.3fs  ratio %.2f\n' \
  "$(wc -l < "$healthy")" "$h" "$(echo "$h / $j" | bc -l)"
rm -f "$data"/.t.*
