#!/usr/bin/env bash
# Benchmarks otel-doctor against rg and grep on generated collector logs (see docs/performance.md).
#
#   bench/run.sh [SIZE_MB] [RUNS]      defaults: 2048 MB, 5 runs
#
# Builds the jar if needed, generates seeded data under bench/data/ (kept between runs), derives
# keywords.txt from the rules' @trigger words, then times each command RUNS times, alternating
# commands so machine noise spreads evenly, and prints the medians and the ratios. Files are read
# once first so every timed run reads from the page cache.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size_mb="${1:-2048}"
runs="${2:-5}"
data=bench/data
mkdir -p "$data"

command -v rg >/dev/null 2>&1 || { echo "bench: installing ripgrep" >&2; apt-get install -y -qq ripgrep >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null; }; }
# the launcher builds the jar if needed and records its class-data archive on its first run
./otel-doctor --version >/dev/null

grep -oh '@trigger("[^"]*")' rules/src/main/resources/io/oteldoctor/rules/*.drl \
  | sed 's/@trigger("//; s/")$//' | tr '|' '\n' | sort -u > "$data/keywords.txt"

gen() { # name format error-rate size-mb
  local f="$data/$1"
  [ -s "$f" ] || python3 bench/generate.py --size $(( $4 * 1024 * 1024 )) --format "$2" --error-rate "$3" --seed 42 "$f"
}
gen "console-${size_mb}m.log" console 0.015 "$size_mb"
gen "json-${size_mb}m.log" json 0.015 "$size_mb"
# error-only logs at two sizes: a small one, where start-up and warm-up weigh, and one large enough
# to show the rate a long run settles at
errors_mb=$(( size_mb / 16 > 16 ? size_mb / 16 : 16 ))
errors_large_mb=$(( size_mb / 2 > errors_mb ? size_mb / 2 : errors_mb ))
gen "errors-${errors_mb}m.log" console 1.0 "$errors_mb"
gen "errors-${errors_large_mb}m.log" console 1.0 "$errors_large_mb"
[ -s "$data/console-${size_mb}m.log.gz" ] || gzip -1 -c "$data/console-${size_mb}m.log" > "$data/console-${size_mb}m.log.gz"

# the launcher, as users run it (serial GC, class-data archive), with the heap capped at 256 MiB
doctor=(env OTEL_DOCTOR_JAVA_OPTS=-Xmx256m ./otel-doctor analyze --format json)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# output goes to a real file: GNU grep treats a /dev/null stdout like -q and stops at the first match
seconds() { local s e; s=$(date +%s.%N); "$@" > "$data/.out" 2>/dev/null || true; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

bench() { # label file command...
  local label="$1" file="$2"; shift 2
  cat "$file" > /dev/null
  local -a names=() ; local i
  for i in $(seq 1 "$runs"); do
    echo "$(seconds "${doctor[@]}" "$file")" >> "$data/.t.doctor"
    echo "$(seconds rg -c -F -f "$data/keywords.txt" "$file")" >> "$data/.t.rg"
    echo "$(seconds env LC_ALL=C grep -c -F -f "$data/keywords.txt" "$file")" >> "$data/.t.grep"
  done
  local d r g mb
  d=$(median < "$data/.t.doctor"); r=$(median < "$data/.t.rg"); g=$(median < "$data/.t.grep")
  last_doctor_median="$d"
  mb=$(( $(stat -c %s "$file") / 1024 / 1024 ))
  printf '%-26s %7s MB  otel-doctor %7.2fs (%6.0f MB/s)  rg %6.2fs  grep %6.2fs  doctor/rg %5.2f  doctor/grep %5.2f\n' \
    "$label" "$mb" "$d" "$(echo "$mb / $d" | bc -l)" "$r" "$g" "$(echo "$d / $r" | bc -l)" "$(echo "$d / $g" | bc -l)"
  rm -f "$data"/.t.*
}

benchgz() { # label file.gz
  local label="$1" file="$2"
  cat "$file" > /dev/null
  for i in $(seq 1 "$runs"); do
    echo "$(seconds "${doctor[@]}" "$file")" >> "$data/.t.doctor"
    echo "$(seconds sh -c "zcat '$file' | LC_ALL=C grep -c -F -f '$data/keywords.txt'")" >> "$data/.t.grep"
  done
  local d g
  d=$(median < "$data/.t.doctor"); g=$(median < "$data/.t.grep")
  printf '%-26s otel-doctor %7.2fs  zcat|grep %6.2fs  doctor/(zcat|grep) %5.2f\n' "$label" "$d" "$g" "$(echo "$d / $g" | bc -l)"
  rm -f "$data"/.t.*
}

echo "otel-doctor bench: $(nproc) cores, $(java -version 2>&1 | head -1), $runs runs, medians of wall time"
bench "console, 1.5% warn/error" "$data/console-${size_mb}m.log"
bench "json, 1.5% warn/error" "$data/json-${size_mb}m.log"
bench "console, all warn/error" "$data/errors-${errors_mb}m.log"
errors_median="$last_doctor_median"
bench "console, all warn/error" "$data/errors-${errors_large_mb}m.log"
errors_large_median="$last_doctor_median"
benchgz "console, gzip" "$data/console-${size_mb}m.log.gz"
for pair in "$errors_mb:$errors_median" "$errors_large_mb:$errors_large_median"; do
  mb="${pair%%:*}"; median_s="${pair#*:}"
  lines=$(wc -l < "$data/errors-${mb}m.log")
  printf 'error-only log, %d MB: %d lines in %.2fs (median, JVM start included) = %.0f lines/s\n' \
    "$mb" "$lines" "$median_s" "$(echo "$lines / $median_s" | bc -l)"
done
