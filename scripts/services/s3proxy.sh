#!/usr/bin/env bash
# A real S3-compatible server for development and tests, without Docker: S3Proxy (Maven Central,
# org.gaul:s3proxy) in front of a directory on this machine (jclouds' filesystem backend).
#   s3proxy.sh start    download once (cached in ~/.m2), start, wait until it answers. No-op if running.
#   s3proxy.sh stop     stop it (SIGTERM, then SIGKILL after a grace period).
#   s3proxy.sh status   exit 0 when running, 3 when stopped.
#
# Settings (environment): S3PROXY_PORT (9390), S3PROXY_VERSION (2.6.0), S3PROXY_ACCESS_KEY_ID
# (mediamesh), S3PROXY_SECRET_ACCESS_KEY (mediamesh-secret), S3PROXY_HEAP (1g: multipart uploads
# hold parts in memory), S3PROXY_STATE_DIR
# (.cache/s3proxy/node-$S3PROXY_PORT). Buckets are created by their users (the test setup makes one
# per run); the docker-compose stack uses MinIO instead.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=${S3PROXY_VERSION:-2.6.0}
PORT=${S3PROXY_PORT:-9390}
ACCESS_KEY_ID=${S3PROXY_ACCESS_KEY_ID:-mediamesh}
SECRET_ACCESS_KEY=${S3PROXY_SECRET_ACCESS_KEY:-mediamesh-secret}
CACHE="$ROOT/.cache/s3proxy"
STATE="${S3PROXY_STATE_DIR:-$CACHE/node-$PORT}"
PID_FILE="$STATE/s3proxy.pid"
JAR="$CACHE/s3proxy-$VERSION-jar-with-dependencies.jar"
URL="http://127.0.0.1:$PORT"

say() { printf '%s\n' "$*" >&2; }
die() { say "✗ $*"; exit 1; }

is_running() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 's3proxy' || return 1
  fi
}

# Any HTTP answer will do: anonymous requests get a 403 from a healthy server.
answers() { curl -s -o /dev/null --max-time 3 "$URL/" ; }

download() {
  [ -f "$JAR" ] && return
  command -v mvn >/dev/null || die "Maven is required to fetch S3Proxy (apt-get install maven)."
  say "… fetching S3Proxy $VERSION from Maven Central"
  mkdir -p "$CACHE"
  mvn -B -q dependency:copy \
    -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" \
    -DoutputDirectory="$CACHE" \
    || die "Could not download org.gaul:s3proxy:$VERSION (jar-with-dependencies) from Maven Central."
  [ -f "$JAR" ] || die "Download finished but $JAR is missing."
}

start() {
  if is_running; then
    say "✓ S3Proxy already running on $URL"
    return
  fi
  if answers; then
    # Another checkout's S3Proxy (same defaults) or an S3 server started by hand.
    say "✓ an S3 endpoint already answers on $URL; using it"
    return
  fi
  command -v java >/dev/null || die "Java 11+ is required for S3Proxy (apt-get install openjdk-17-jre-headless)."
  download
  mkdir -p "$STATE/data"
  cat > "$STATE/s3proxy.conf" <<CONF
# Written by scripts/services/s3proxy.sh: a local S3 endpoint for development and tests.
s3proxy.endpoint=$URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY_ID
s3proxy.credential=$SECRET_ACCESS_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$STATE/data
CONF
  say "… starting S3Proxy on $URL"
  nohup java -Xmx"${S3PROXY_HEAP:-1g}" -jar "$JAR" --properties "$STATE/s3proxy.conf" > "$STATE/s3proxy.log" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 60); do
    if answers; then
      say "✓ S3Proxy is ready on $URL"
      return
    fi
    is_running || { tail -n 20 "$STATE/s3proxy.log" >&2; die "S3Proxy exited during start-up."; }
    sleep 0.5
  done
  tail -n 20 "$STATE/s3proxy.log" >&2
  die "S3Proxy did not answer on $URL within 30 s."
}

stop() {
  if ! is_running; then
    say "S3Proxy is not running"
    return
  fi
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; say "✓ S3Proxy stopped"; return; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  say "✓ S3Proxy killed after 10 s"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running on $URL"; else echo "stopped"; exit 3; fi ;;
  *) die "usage: s3proxy.sh start|stop|status" ;;
esac
