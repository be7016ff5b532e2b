#!/usr/bin/env bash
# Makes sure a local Redis answers on 127.0.0.1:${REDIS_PORT:-6379} (idempotent). Used by `npm test`,
# `npm run dev` and CI when nothing answers there. Machines of this project's kind ship Redis (Debian
# package); if it is absent, it is installed from Debian's repository. Started without persistence:
# it only holds caches, rate-limit counters and trending counts.
set -euo pipefail

port=${REDIS_PORT:-6379}

ready() { redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; }

if command -v redis-cli >/dev/null && ready; then
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v redis-server >/dev/null; then
  echo "… Redis is not installed: installing it from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

echo "… starting Redis on 127.0.0.1:$port"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --maxmemory 512mb --maxmemory-policy allkeys-lru >/dev/null

for _ in $(seq 1 30); do
  if ready; then
    echo "✓ Redis is ready on 127.0.0.1:$port"
    exit 0
  fi
  sleep 0.5
done
echo "✗ Redis did not become ready on 127.0.0.1:$port" >&2
exit 1
