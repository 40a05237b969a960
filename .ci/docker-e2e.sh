#!/usr/bin/env bash
# Docker stage of CI: builds the image from this repository with no Docker Hub (a JRE base image
# made from Debian packages), runs the README's `docker run` and `docker compose up` lines with
# only the base image swapped, and checks health, a fault over the control API, a room entry
# over the room protocol, the Testcontainers test, and a clean `docker stop` within 2 s.
# Needs: the jar built (./mvnw verify ran before), root.
set -euo pipefail
cd "$(dirname "$0")/.."

base=local/jre17:bookworm
token_header() { echo "Authorization: Bearer $1"; }
say() { echo "== docker: $*"; }
fail() { echo "== docker: FAILED: $*" >&2; exit 1; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# `docker compose` (v2) is not packaged by Debian 12; Compose v1 is. A CLI-plugin shim lets the
# README's `docker compose up` line run unchanged on v1.
if ! docker compose version >/dev/null 2>&1; then
  mkdir -p /usr/local/lib/docker/cli-plugins
  cat > /usr/local/lib/docker/cli-plugins/docker-compose <<'SHIM'
#!/bin/sh
if [ "$1" = "docker-cli-plugin-metadata" ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"gme-simulator CI","Version":"v1-shim","ShortDescription":"Compose v1 behind docker compose"}'
  exit 0
fi
shift
exec docker-compose "$@"
SHIM
  chmod +x /usr/local/lib/docker/cli-plugins/docker-compose
fi

started_daemon=0
if ! docker info >/dev/null 2>&1; then
  say "starting dockerd"
  nohup dockerd --bip 172.17.0.1/16 --pidfile /var/run/docker.pid >/tmp/gmesim-dockerd.log 2>&1 &
  started_daemon=1
  for _ in $(seq 1 100); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
  docker info >/dev/null 2>&1 || { tail -20 /tmp/gmesim-dockerd.log; fail "dockerd did not start"; }
fi
cleanup() {
  docker rm -f gme-simulator gme-remote >/dev/null 2>&1 || true
  BASE_IMAGE=$base docker compose down >/dev/null 2>&1 || true
  if [ "$started_daemon" = 1 ]; then
    kill -TERM "$(cat /var/run/docker.pid)" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! docker image inspect "$base" >/dev/null 2>&1; then
  say "building the base image $base from Debian packages"
  # debootstrap fetches a few hundred packages; one retry rides out a mirror hiccup.
  docker/build-base-image.sh "$base" || { say "retrying the base image build"; docker/build-base-image.sh "$base"; }
fi

readme_line() { grep -m1 -E "^$1" README.md || fail "README.md has no line starting with '$1'"; }

build_line=$(readme_line 'docker build ')
say "README: $build_line  (+ --build-arg BASE_IMAGE=$base)"
eval "$build_line --build-arg BASE_IMAGE=$base"
size=$(docker image inspect -f '{{.Size}}' gme-simulator)
say "image size: $((size / 1024 / 1024)) MiB"

run_line=$(readme_line 'docker run ')
token=$(echo "$run_line" | sed -nE 's/.*GMESIM_ADMIN_TOKEN=([^ ]+).*/\1/p')
[ -n "$token" ] || fail "the README's docker run line sets no GMESIM_ADMIN_TOKEN"
say "README: $run_line"
start=$(date +%s%N)
eval "$run_line" >/dev/null
until curl -sf http://127.0.0.1:8080/__admin/gme/health >/dev/null; do
  [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 60 ] || { docker logs gme-simulator; fail "no health within 60 s"; }
  sleep 0.05
done
say "first healthy response $(( ($(date +%s%N) - start) / 1000000 )) ms after docker run"
until [ "$(docker inspect -f '{{.State.Health.Status}}' gme-simulator)" = healthy ]; do
  [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 60 ] || fail "HEALTHCHECK never reported healthy"
  sleep 0.2
done
say "HEALTHCHECK healthy $(( ($(date +%s%N) - start) / 1000000 )) ms after docker run (its first check runs after the 5 s interval)"

code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/__admin/gme/faults)
[ "$code" = 401 ] || fail "control API without a token answered $code, not 401"
curl -sf -H "$(token_header "$token")" -H 'Content-Type: application/json' -X POST \
  http://127.0.0.1:8080/__admin/gme/faults -d '{"operations":["ENTER_ROOM"],"error":7006,"roomId":"docker-*"}' >/dev/null \
  || fail "could not add a fault over the control API"
python3 docker/room_smoke.py 127.0.0.1 7300 7006
curl -sf -H "$(token_header "$token")" "http://127.0.0.1:8080/__admin/gme/journal?operation=ENTER_ROOM&result=7006" \
  | grep -q '"result":7006' || fail "the journal does not show the injected 7006"
say "a virtual session clock on the real-time container, from a Python harness (docs/protocol.md, Session clocks)"
curl -sf -H "$(token_header "$token")" -H 'Content-Type: application/json' -X POST \
  http://127.0.0.1:8080/__admin/gme/faults -d '{"operations":["ENTER_ROOM"],"error":7006,"delay":{"fixed":"PT10S"},"roomId":"clock-delay-*"}' >/dev/null \
  || fail "could not add the delayed fault"
curl -sf -H "$(token_header "$token")" -H 'Content-Type: application/json' -X POST \
  http://127.0.0.1:8080/__admin/gme/faults -d '{"operations":["ENTER_ROOM"],"effect":"noReply","roomId":"clock-silent-*"}' >/dev/null \
  || fail "could not add the no-reply fault"
python3 docker/clock_smoke.py 127.0.0.1 7300

stop_start=$(date +%s%N)
docker stop gme-simulator >/dev/null
stop_ms=$(( ($(date +%s%N) - stop_start) / 1000000 ))
say "docker stop took $stop_ms ms (exit code $(docker inspect -f '{{.State.ExitCode}}' gme-simulator))"
[ "$stop_ms" -lt 2000 ] || fail "docker stop took $stop_ms ms, more than 2 s"
docker rm gme-simulator >/dev/null

say "examples in remote mode: the same TeamVoiceChatTest against a container (examples/README.md)"
docker run -d --name gme-remote -p 127.0.0.1:7300:7300 -p 127.0.0.1:8080:8080 \
  -e GMESIM_ADMIN_TOKEN=local-dev-token-0123456789 gme-simulator >/dev/null
for _ in $(seq 1 300); do curl -sf http://127.0.0.1:8080/__admin/gme/health >/dev/null && break; sleep 0.1; done
GMESIM_URL=http://127.0.0.1:8080 GMESIM_TOKEN=local-dev-token-0123456789 \
  ./mvnw -B -q -pl examples -am test -Dgmesim.core.classes -Dtest=TeamVoiceChatTest -Dsurefire.failIfNoSpecifiedTests=false
docker rm -f gme-remote >/dev/null

say "Testcontainers test against the image"
TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  ./mvnw -B -q -pl testcontainers -am test -Dgmesim.core.classes -Dgmesim.docker.image=gme-simulator -Dtest='GmeSimulatorContainerTest,ContainerRemoteModeTest' \
  -Dsurefire.failIfNoSpecifiedTests=false

compose_line=$(readme_line 'docker compose up')
say "README: $compose_line  (BASE_IMAGE=$base)"
export BASE_IMAGE=$base
eval "$compose_line"
for _ in $(seq 1 300); do curl -sf http://127.0.0.1:8080/__admin/gme/health >/dev/null && break; sleep 0.1; done
rules=$(curl -sf -H "$(token_header local-dev-token-0123456789)" http://127.0.0.1:8080/__admin/gme/faults) \
  || fail "compose: the control API did not answer"
echo "$rules" | grep -q '"id"' || fail "compose: the mounted drill profile installed no rule: $rules"
docker compose down >/dev/null 2>&1
say "all Docker checks passed"
