#!/usr/bin/env bash
# A real, single-node Elasticsearch for development and tests, without Docker:
#   es.sh start    download once (Maven Central, cached in ~/.m2), configure, install the analysis
#                  plugin, start as a dedicated non-root user, wait for yellow. A no-op if running.
#   es.sh stop     stop the node (SIGTERM, then SIGKILL after a grace period).
#   es.sh status   print state and cluster health; exit 0 when running, 3 when stopped.
#   es.sh fetch    only download and unpack the distribution (e.g. to warm a CI cache).
#
# Elastic's integration-test distribution has no JDK and no analysis-common module: the JDK comes
# from this machine (ES_JAVA_HOME, JAVA_HOME or `java` on PATH, version 17+), and the English/Arabic
# analysis from our plugin in elasticsearch/analysis-plugin (built with Maven).
#
# Settings (environment): ES_PORT (9200), ES_VERSION (8.19.21), ES_HEAP (512m), ES_MAX_HEAP (1g),
# ES_USER (mediamesh-es, used when run as root), ES_STATE_DIR (.cache/elasticsearch/node-$ES_PORT),
# ES_START_TIMEOUT (180 seconds).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ES_VERSION=${ES_VERSION:-8.19.21}
ES_PORT=${ES_PORT:-9200}
ES_TRANSPORT_PORT=${ES_TRANSPORT_PORT:-$((ES_PORT + 100))}
ES_HEAP=${ES_HEAP:-512m}
ES_MAX_HEAP=${ES_MAX_HEAP:-1g}
ES_USER=${ES_USER:-mediamesh-es}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-180}
CACHE="$ROOT/.cache/elasticsearch"
DIST_DIR="$CACHE/dist"
ES_HOME="$DIST_DIR/elasticsearch-$ES_VERSION"
STATE="${ES_STATE_DIR:-$CACHE/node-$ES_PORT}"
PID_FILE="$STATE/elasticsearch.pid"
PLUGIN_DIR="$ROOT/elasticsearch/analysis-plugin"
PLUGIN_NAME=mediamesh-analysis
URL="http://127.0.0.1:$ES_PORT"

say() { printf '%s\n' "$*" >&2; }
die() { say "✗ $*"; exit 1; }

# Running = the pid in our pid file is alive AND is an Elasticsearch JVM (after a reboot or a
# container restart the number may belong to some unrelated process).
is_running() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'org.elasticsearch' || return 1
  fi
}

health() { curl -fsS --max-time 5 "$URL/_cluster/health${1:-}" 2>/dev/null; }

java_home() {
  local candidate
  for candidate in "${ES_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && { echo "$candidate"; return; }
  done
  if command -v java >/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
    return
  fi
  die "Java 17 or newer is required (set ES_JAVA_HOME or install a JDK, e.g. apt-get install openjdk-17-jdk-headless)."
}

check_java() {
  local home major
  home=$(java_home)
  major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || die "Elasticsearch $ES_VERSION needs Java 17+, found ${major:-none} at $home."
  echo "$home"
}

need() { command -v "$1" >/dev/null || die "$1 is required ($2)."; }

check_maven() {
  command -v mvn >/dev/null || die "Maven is required to fetch Elasticsearch and build the analysis plugin (apt-get install maven)."
}

download() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return
  check_maven
  say "… fetching Elasticsearch $ES_VERSION (integration-test distribution) from Maven Central"
  mkdir -p "$CACHE/download" "$DIST_DIR"
  mvn -B -q dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$CACHE/download" \
    || die "Could not download org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip from Maven Central."
  local zip="$CACHE/download/elasticsearch-$ES_VERSION.zip"
  [ -f "$zip" ] || die "Download finished but $zip is missing."
  rm -rf "$ES_HOME.partial" && mkdir -p "$ES_HOME.partial"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$ES_HOME.partial" || die "Could not unpack $zip."
  else
    # No unzip on this machine: the JDK's jar tool unpacks zips too (without file modes).
    (cd "$ES_HOME.partial" && "$(java_home)/bin/jar" xf "$zip") || die "Could not unpack $zip."
    chmod +x "$ES_HOME.partial/elasticsearch-$ES_VERSION"/bin/* "$ES_HOME.partial/elasticsearch-$ES_VERSION"/lib/tools/*/bin/* 2>/dev/null || true
  fi
  # The zip holds one top-level folder elasticsearch-<version>.
  mv "$ES_HOME.partial/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$ES_HOME.partial"
}

plugin_zip() { ls "$PLUGIN_DIR"/target/"$PLUGIN_NAME"-*.zip 2>/dev/null | head -n 1; }

plugin_source_hash() {
  (cd "$PLUGIN_DIR" && find pom.xml src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

install_plugin() {
  local java_home=$1 hash stamp zip
  hash="$(plugin_source_hash)-$ES_VERSION"
  stamp="$ES_HOME/plugins/$PLUGIN_NAME/.mediamesh-source-hash"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && return
  check_maven
  say "… building the $PLUGIN_NAME analysis plugin (Maven)"
  JAVA_HOME="$java_home" mvn -B -q -f "$PLUGIN_DIR/pom.xml" -Delasticsearch.version="$ES_VERSION" package -DskipTests \
    || die "Building the analysis plugin failed (mvn -f elasticsearch/analysis-plugin/pom.xml package)."
  zip=$(plugin_zip)
  [ -n "$zip" ] || die "The plugin build produced no zip in $PLUGIN_DIR/target."
  if [ -d "$ES_HOME/plugins/$PLUGIN_NAME" ]; then
    ES_JAVA_HOME="$java_home" "$ES_HOME/bin/elasticsearch-plugin" remove --purge "$PLUGIN_NAME" >/dev/null 2>&1 || rm -rf "$ES_HOME/plugins/$PLUGIN_NAME"
  fi
  ES_JAVA_HOME="$java_home" "$ES_HOME/bin/elasticsearch-plugin" install --batch "file://$zip" >/dev/null \
    || die "Installing the analysis plugin into Elasticsearch failed."
  echo "$hash" > "$stamp"
}

configure() {
  mkdir -p "$STATE/config" "$STATE/data" "$STATE/logs" "$STATE/config/jvm.options.d"
  # Start from the distribution's defaults, then our settings.
  cp -f "$ES_HOME/config/jvm.options" "$ES_HOME/config/log4j2.properties" "$STATE/config/"
  [ -f "$ES_HOME/config/roles.yml" ] && cp -f "$ES_HOME"/config/*.yml "$STATE/config/" 2>/dev/null || true
  cat > "$STATE/config/elasticsearch.yml" <<YML
# Written by scripts/elasticsearch/es.sh: a single local node for development and tests.
cluster.name: mediamesh-dev
node.name: mediamesh-$ES_PORT
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
path.data: $STATE/data
path.logs: $STATE/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
# Writes to a missing alias must fail, not create an index with a guessed mapping.
action.auto_create_index: false
YML
  printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_MAX_HEAP" > "$STATE/config/jvm.options.d/heap.options"
  # The distribution's jvm.options writes GC logs, heap dumps and crash files relative to its own
  # folder; keep them in this node's state instead (several nodes can share one distribution).
  cat > "$STATE/config/jvm.options.d/paths.options" <<OPTS
-XX:HeapDumpPath=$STATE/data
-XX:ErrorFile=$STATE/logs/hs_err_pid%p.log
-Xlog:disable
-Xlog:all=warning:stderr:utctime,level,tags
OPTS
}

# Elasticsearch refuses to run as root: as root, run it as a dedicated system user.
run_user() { [ "$(id -u)" -eq 0 ] && echo "$ES_USER" || id -un; }

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER" \
    || die "Could not create the system user $ES_USER."
  chown -R "$ES_USER" "$STATE" "$ES_HOME"
  # Every folder above the state and the distribution must be traversable by that user: add the
  # execute bit for others only where it is missing.
  local dir=$CACHE
  while [ "$dir" != "/" ]; do
    runuser -u "$ES_USER" -- test -x "$dir" 2>/dev/null || chmod o+x "$dir" 2>/dev/null || true
    dir=$(dirname "$dir")
  done
}

start() {
  if is_running; then
    if health '?wait_for_status=yellow&timeout=30s' >/dev/null; then
      say "✓ Elasticsearch is already running on $URL (pid $(cat "$PID_FILE"))"
      return 0
    fi
  elif [ -f "$PID_FILE" ]; then
    say "… removing a stale pid file (pid $(cat "$PID_FILE") is not running)"
    rm -f "$PID_FILE"
  fi
  if ! is_running && curl -fsS --max-time 2 "$URL/_cluster/health" >/dev/null 2>&1; then
    die "Something else already answers on $URL. Stop it, choose another ES_PORT, or set ELASTICSEARCH_URL to use it."
  fi

  local java_home started began
  began=$(date +%s)
  java_home=$(check_java)
  download
  install_plugin "$java_home"
  configure
  ensure_user

  if ! is_running; then
    say "… starting Elasticsearch $ES_VERSION on $URL as $(run_user)"
    started=$(date +%s)
    local launch=(env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$STATE/config" "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE")
    # Even daemonised, the launcher copies the start-up log to its console: keep it in the state.
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u "$ES_USER" -- "${launch[@]}" >"$STATE/logs/startup.out" 2>&1 || die "Elasticsearch failed to start; see $STATE/logs/startup.out."
    else
      "${launch[@]}" >"$STATE/logs/startup.out" 2>&1 || die "Elasticsearch failed to start; see $STATE/logs/startup.out."
    fi
  fi

  local deadline=$(( $(date +%s) + ES_START_TIMEOUT ))
  until health '?wait_for_status=yellow&timeout=5s' >/dev/null; do
    if ! is_running; then
      die "Elasticsearch exited during start-up; see $STATE/logs/mediamesh-dev.log"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || die "Elasticsearch did not reach yellow within ${ES_START_TIMEOUT}s; see $STATE/logs."
    sleep 1
  done
  say "✓ Elasticsearch $ES_VERSION is up on $URL (pid $(cat "$PID_FILE"); ${started:+node start $(( $(date +%s) - started )) s, }whole command $(( $(date +%s) - began )) s)"
}

stop() {
  if ! is_running; then
    rm -f "$PID_FILE"
    say "✓ Elasticsearch on port $ES_PORT is not running"
    return 0
  fi
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; say "✓ Elasticsearch stopped"; return 0; }
    sleep 0.5
  done
  say "… Elasticsearch did not stop within 30 s: killing it"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

status() {
  if is_running; then
    echo "running (pid $(cat "$PID_FILE"), $URL)"
    health || echo "(not answering yet)"
    echo
    return 0
  fi
  echo "stopped ($URL)"
  return 3
}

need curl "apt-get install curl"

case "${1:-}" in
  fetch) check_java >/dev/null && download ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  *) say "usage: $0 start|stop|status|restart|fetch"; exit 2 ;;
esac
