#!/usr/bin/env bash
# Makes sure a local PostgreSQL answers on 127.0.0.1:5432 (idempotent). Used by `npm test`,
# `npm run dev` and CI when nothing answers there. Machines of this project's kind ship PostgreSQL
# (Debian package, trust auth); if it is absent, it is installed from Debian's repository.
set -euo pipefail

host=127.0.0.1
port=5432

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

if command -v pg_isready >/dev/null && ready; then
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null; then
  echo "… PostgreSQL is not installed: installing it from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
conf="/etc/postgresql/$version/main"
# Local development and CI only: trust connections from this machine, as the machine image does.
if ! grep -q '^host\s\+all\s\+all\s\+127.0.0.1/32\s\+trust' "$conf/pg_hba.conf"; then
  as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
fi
echo "… starting PostgreSQL $version"
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true

for _ in $(seq 1 30); do
  if ready; then
    echo "✓ PostgreSQL is ready on $host:$port"
    exit 0
  fi
  sleep 1
done
echo "✗ PostgreSQL did not become ready on $host:$port" >&2
exit 1
