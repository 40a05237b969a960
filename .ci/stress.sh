#!/usr/bin/env bash
# Runs the test phases of simulator-core, junit-extension and examples N times while K busy-loop
# processes saturate the cores, and counts green runs. No test outcome may depend on the machine's
# speed, so every run must be green.
#
#   .ci/stress.sh N K        e.g. .ci/stress.sh 10 2 (the target in docs/benchmarks.md)
#
# Everything is built once first (without tests), so each run is only the test phases. The modules
# run in one reactor on simulator-core's classes (-Dgmesim.core.classes, see the README), so a run
# never depends on what else was installed meanwhile; `./mvnw verify` tests the relocated jar.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
busy=${2:-2}
modules=wiremock-mappings,simulator-core,junit-extension,examples
logdir=$(mktemp -d)

# Compiled, not installed: a shared local repository stays as it was.
./mvnw -B -q test-compile -Dgmesim.core.classes -pl "$modules" >/dev/null

pids=()
stop_busy() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop_busy EXIT
for _ in $(seq 1 "$busy"); do
  # Bounded: each loop ends by itself after two hours even if this script is killed.
  timeout 7200 sh -c 'while :; do :; done' &
  pids+=($!)
done

green=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if ./mvnw -B -o test -Dgmesim.core.classes -pl "$modules" >"$logdir/run-$i.log" 2>&1; then
    green=$((green + 1))
    echo "stress run $i/$runs: green in $(( $(date +%s) - start )) s (busy loops: $busy)"
  else
    echo "stress run $i/$runs: RED in $(( $(date +%s) - start )) s; failures:"
    grep -E '<<< (FAILURE|ERROR)|Tests run:.*Failures: [1-9]|Tests run:.*Errors: [1-9]' "$logdir/run-$i.log" | head -20 || true
    echo "(full log: $logdir/run-$i.log)"
  fi
done
echo "stress: $green of $runs runs green with $busy busy loops on $(nproc) cores"
[ "$green" -eq "$runs" ]
