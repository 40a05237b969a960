#!/usr/bin/env bash
# Cold start of runnable jars, alternated in one session: each start is a fresh JVM timed from
# spawn to the first 200 of its health endpoint (polled every 10 ms with curl); prints every run
# and the median per jar. Usage: .ci/cold-start.sh RUNS JAR...
# e.g. .ci/cold-start.sh 11 /tmp/before.jar simulator-core/target/gme-simulator.jar
set -euo pipefail
runs=$1; shift
declare -A times
start_once() {  # jar -> prints ms from spawn to the first healthy answer
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local t0 t1
  t0=$(date +%s%N)
  java -jar "$1" --room-port 0 --http-port "$port" >/dev/null 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/__admin/gme/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$1 exited before it was healthy" >&2; return 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}
for jar in "$@"; do start_once "$jar" >/dev/null; done   # unmeasured: fills the page cache
for run in $(seq 1 "$runs"); do
  for jar in "$@"; do
    ms=$(start_once "$jar"); times[$jar]+="$ms "
    echo "run $run  $jar  $ms ms"
  done
done
echo
echo "| jar | size (bytes) | runs (ms) | median (ms) |"
echo "|---|---:|---|---:|"
for jar in "$@"; do
  median=$(echo "${times[$jar]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
  echo "| $jar | $(stat -c %s "$jar") | ${times[$jar]}| $median |"
done
echo
java -version 2>&1 | head -1; echo "$(nproc) cores"
