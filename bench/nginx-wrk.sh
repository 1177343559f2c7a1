#!/usr/bin/env bash
# The operate issue's figures: two instances behind nginx on one PostgreSQL (ops/two-instances.sh,
# left running), a mixed read load (wrk/mixed.lua), beside one instance alone and beside nginx
# serving a static file (the ceiling), all in one run; then the same load at twice the
# connections of the best rate: share refused with 503, p99 of those admitted, heap.
#   bench/nginx-wrk.sh [seconds per step, default 15]
# Needs wrk (apt-get install -y wrk), nginx, PostgreSQL 15+, a JDK 21+.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/ops/lib.sh"
DUR="${1:-10}"
WORK="$ROOT/ops/work/two"
KEEP=1 "$ROOT/ops/two-instances.sh" 2>&1 | tail -3 || true
# two-instances.sh stopped instance a at its end: start it again
source "$WORK/shared-files/secrets.env"; export SERVER_FORWARD_HEADERS_STRATEGY=native
start_app a 8081 55432 "$WORK"
wait_healthy http://127.0.0.1:8081
trap 'stop_app "$WORK" a; stop_app "$WORK" b; nginx -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true; stop_cluster "$WORK/db"' EXIT

q() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p 55432 -U postgres -d binhdan -tAq -c "$1"; }
export COURSE=KNS-NGUOI-DAN
export LESSONS="$(q "SELECT string_agg(l.code, ',') FROM lesson l JOIN course_module m ON m.id = l.module_id JOIN course c ON c.id = m.course_id WHERE c.code = 'KNS-NGUOI-DAN'")"
export WARD="$(q "SELECT id FROM unit WHERE name = 'Phường Buôn Ma Thuột' AND valid_to IS NULL LIMIT 1")"
export LEARNER_TOKEN="$(token http://127.0.0.1:8088 learner demo1234)"
export OFFICER_TOKEN="$(token http://127.0.0.1:8088 commune-officer demo1234)"
# a learner reads only the lessons of a course she is enrolled in
curl -s -o /dev/null -X POST -H "Authorization: Bearer $LEARNER_TOKEN" "http://127.0.0.1:8088/api/v1/courses/$COURSE/enrolment"

run() { # label url connections
  local out
  out="$(wrk -t2 -c"$3" -d"${DUR}s" --timeout 10s -s "$ROOT/bench/wrk/mixed.lua" "$2" 2>&1 | grep RESULT)"
  printf '%-34s c=%-4s %s\n' "$1" "$3" "${out#RESULT }"
}
echo "machine: $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up"; wrk -t2 -c16 -d10s -s "$ROOT/bench/wrk/mixed.lua" http://127.0.0.1:8088 >/dev/null 2>&1
printf '%-34s c=%-4s %s\n' "nginx static file (ceiling)" 64 \
  "$(wrk -t2 -c64 -d"${DUR}s" http://127.0.0.1:8089/favicon.ico | awk '/Requests\/sec/{print "rps=" $2}')"
for c in 8 16 32 64 128; do run "one instance (direct)" http://127.0.0.1:8081 "$c"; done
for c in 8 16 32 64 128; do run "two instances behind nginx" http://127.0.0.1:8088 "$c"; done
for c in 256 512; do run "two instances, overload" http://127.0.0.1:8088 "$c"; done
tok="$(token http://127.0.0.1:8088 province-admin demo1234)"
for p in 8081 8082; do
  curl -s -H "Authorization: Bearer $tok" "http://127.0.0.1:$p/actuator/prometheus" \
    | awk -v p=$p '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$2} /^binhdan_requests_refused_total/{r=$2} END{printf "instance :%s heap used %.0f MB, refused %d\n", p, s/1048576, r}'
done
