#!/usr/bin/env bash
# Helpers for the ops scripts: a throwaway PostgreSQL cluster and the application jar, all under
# one work directory, so a script leaves nothing behind but that directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
# PostgreSQL refuses to run as root: the clusters run as the postgres user when we are root
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# new_cluster DIR PORT: initdb + start, with a database "binhdan" owned by role binhdan/binhdan
new_cluster() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  [ "$(id -u)" != 0 ] || chown postgres "$dir"
  as_pg "$PG_BIN/initdb" -D "$dir/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$dir/pgdata" -l "$dir/postgres.log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE binhdan LOGIN PASSWORD 'binhdan'" \
      -c "CREATE DATABASE binhdan OWNER binhdan" -c "ALTER SYSTEM SET max_connections = 200" >/dev/null
  # pg_trgm is created by the first migration: as the superuser here, as a DBA would beforehand
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d binhdan -q -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$dir/pgdata" -w restart -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" >/dev/null
}

stop_cluster() { as_pg "$PG_BIN/pg_ctl" -D "$1/pgdata" -m fast -w stop >/dev/null 2>&1 || true; }

# the executable jar, built once (tests skipped) unless JAR is given
app_jar() {
  if [ -n "${JAR:-}" ]; then echo "$JAR"; return; fi
  local build="${BUILD_DIR:-target}"
  local jar
  jar="$(ls "$ROOT/$build"/binhdan-*.jar 2>/dev/null | grep -v original | head -n 1 || true)"
  if [ -z "$jar" ]; then
    (cd "$ROOT" && ./mvnw -q -B -DbuildDir="$build" -Dmaven.test.skip=true package >&2)
    jar="$(ls "$ROOT/$build"/binhdan-*.jar | grep -v original | head -n 1)"
  fi
  echo "$jar"
}

java_cmd() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  for j in /usr/lib/jvm/*/bin/java; do
    if "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$j"; return; fi
  done
  echo java
}

# start_app NAME PORT DBPORT WORKDIR [extra args...]: the app in the background, its pid in WORKDIR/NAME.pid
start_app() {
  local name="$1" port="$2" dbport="$3" work="$4"; shift 4
  mkdir -p "$work/$name"
  local java jar
  java="$(java_cmd)"; jar="$(app_jar)"
  # only the java command in the background, so that $! is the JVM itself (with "cd && java &"
  # it was a subshell, and stopping that left the JVM running)
  (cd "$work/$name" || exit 1
   DATABASE_URL="jdbc:postgresql://127.0.0.1:$dbport/binhdan" DATABASE_USERNAME=binhdan \
      DATABASE_PASSWORD=binhdan SERVER_PORT="$port" BINHDAN_IMPORT_DIR="$work/shared-files/imports" \
      nohup "$java" -Xmx512m -jar "$jar" "$@" > "$work/$name.log" 2>&1 &
   echo $! > "$work/$name.pid")
}

wait_healthy() {
  local url="$1" tries="${2:-600}"
  for _ in $(seq 1 "$tries"); do
    if curl -sf "$url/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "no answer from $url"; return 1
}

# stops an instance (graceful), and kills it if it has not gone within 60 s
stop_app() {
  local f="$1/$2.pid" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"; rm -f "$f"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

# a token for an account (API login)
token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/auth/login" \
    | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}
