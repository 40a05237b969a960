#!/usr/bin/env bash
# Runs the README's own commands, so that a newcomer who follows it word by word gets what it
# promises: the "run the simulator" line (until its ready line), then the "Drive it over HTTP"
# block against it, then SIGTERM. (The test command and the Docker lines run in .ci/run and
# .ci/docker-e2e.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "== readme: $*"; }
fail() { echo "== readme: FAILED: $*" >&2; exit 1; }

run_line=$(grep -m1 -E '^\./mvnw .*java -jar simulator-core/target/gme-simulator\.jar' README.md) \
  || fail "README.md has no 'run the simulator' line"
export GMESIM_ADMIN_TOKEN=readme-ci-token-0123456789
say "$run_line"
log=$(mktemp)
setsid bash -c "$run_line" >"$log" 2>&1 &
pgid=$!
stop() { kill -TERM -- "-$pgid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 1200); do
  grep -q 'GME simulator ready' "$log" && break
  kill -0 "$pgid" 2>/dev/null || { cat "$log"; fail "the simulator exited before its ready line"; }
  sleep 0.1
done
grep 'GME simulator ready' "$log" || { cat "$log"; fail "no ready line within 120 s"; }
grep -q "$GMESIM_ADMIN_TOKEN" "$log" && fail "the token appears in the simulator's output"

# The fenced bash block under "## Drive it over HTTP", run as the README shows it.
block=$(awk '/^## Drive it over HTTP/{s=1} s&&/^```bash/{b=1;next} b&&/^```/{exit} b' README.md)
[ -n "$block" ] || fail "no bash block under '## Drive it over HTTP'"
out=$(bash -euo pipefail -c "$block" 2>&1) || { echo "$out"; fail "the README's HTTP block failed"; }
echo "$out" | grep -q '"error":7006' || { echo "$out"; fail "adding the README's fault did not echo the rule"; }
echo "$out" | grep -q 'gmesim_calls_total\|# TYPE' || { echo "$out"; fail "no Prometheus text from /metrics"; }
say "the 'Drive it over HTTP' block ran: $(echo "$out" | wc -l) lines of output"

# The chaos-drill quick start: its second block (the control API) against the same simulator.
drill_api=$(awk '/^## Quick start: a chaos drill/{s=1} s&&/^```bash/{n++; if(n==2){b=1;next}} b&&/^```/{exit} b' README.md)
[ -n "$drill_api" ] || fail "no control-API block under '## Quick start: a chaos drill'"
out=$(AUTH="Authorization: Bearer $GMESIM_ADMIN_TOKEN" bash -euo pipefail -c "$drill_api" 2>&1) \
  || { echo "$out"; fail "the README's drill block failed"; }
echo "$out" | grep -q 'enter-room-brownout' || { echo "$out"; fail "the drill block never showed the drill"; }
say "the chaos-drill control-API block ran"

stop
trap - EXIT
for _ in $(seq 1 50); do kill -0 "$pgid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pgid" 2>/dev/null && fail "the simulator did not stop within 5 s of SIGTERM"
# The drill runner line (its own simulator), as the README shows it.
runner=$(awk '/^## Quick start: a chaos drill/{s=1} s&&/^```bash/{b=1;next} b&&/^```/{exit} b' README.md | sed 's/\\$//' | tr -d '\n')
[ -n "$runner" ] || fail "no drill runner block under '## Quick start: a chaos drill'"
say "$runner"
out=$(bash -euo pipefail -c "$runner" 2>/dev/null) || { echo "$out"; fail "the README's drill runner failed"; }
echo "$out" | tail -15
echo "$out" | grep -q 'ENTER_ROOM' || fail "the drill runner printed no ENTER_ROOM row"
say "README commands passed"
