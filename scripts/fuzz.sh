#!/usr/bin/env bash
# Fuzzes the ingest path for longer than the build's bounded run: repeats Jazzer's 30-second run
# for the given number of minutes (default 10). Each run starts from the corpus the previous ones
# built (engine/.cifuzz-corpus); a finding is written as a regression input under
# engine/src/test/resources/io/oteldoctor/ingest/IngestFuzzTestInputs/ and fails the run.
# Commit the finding, fix the code, and every later build replays it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes="${1:-10}"
mvn -q -B -DskipTests install -pl engine -am
end=$(( $(date +%s) + minutes * 60 ))
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  mvn -q -B -pl engine surefire:test -Dtest=IngestFuzzTest -Djazzer.fuzz=1
  runs=$((runs + 1))
done
echo "fuzz: $runs bounded runs, no finding"
