#!/usr/bin/env bash
# The operate issue's figures: two instances behind nginx on one PostgreSQL (ops/two-instances.sh,
# left running), a mixed read load (wrk/mixed.lua), beside one instance alone and beside nginx
# serving a static file (the ceiling), all in one run; then the same load at twice the
# connections of the best rate: share refused with 503, p99 of those admitted, heap.
#   bench/nginx-wrk.sh [seconds per step, default 15]
# Needs wrk and jq (apt-get install -y wrk jq), nginx, PostgreSQL 15+, a JDK 21+.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/ops/lib.sh"
DUR="${1:-10}"
WORK="$ROOT/ops/work/two"
KEEP=1 "$ROOT/ops/two-instances.sh" 2>&1 | tail -3 || true
# two-instances.sh stops instance a near its end (to show the session survives on b): start it
# again, unless the checks stopped early and left it running
source "$WORK/shared-files/secrets.env"; export SERVER_FORWARD_HEADERS_STRATEGY=native
# the bound on requests in flight sized for this machine: near the concurrency where p99 leaves
# 200 ms (docs/scaling.md); both instances restart with it
export BINHDAN_MAX_CONCURRENT_REQUESTS="${BOUND:-8}" BINHDAN_MAX_CONCURRENT_HOT="${BOUND_HOT:-6}"
BOUND="$BINHDAN_MAX_CONCURRENT_REQUESTS"
stop_app "$WORK" a; stop_app "$WORK" b
start_app a 8081 55432 "$WORK"; start_app b 8082 55432 "$WORK"
wait_healthy http://127.0.0.1:8081; wait_healthy http://127.0.0.1:8082
trap 'stop_app "$WORK" a; stop_app "$WORK" b; nginx -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true; stop_cluster "$WORK/db"' EXIT

q() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p 55432 -U postgres -d binhdan -tAq -c "$1"; }
export COURSE=KNS-NGUOI-DAN
export LESSONS="$(q "SELECT string_agg(l.code, ',') FROM lesson l JOIN course_module m ON m.id = l.module_id JOIN course c ON c.id = m.course_id WHERE c.code = 'KNS-NGUOI-DAN'")"
export WARD="$(q "SELECT id FROM unit WHERE name = 'Phường Buôn Ma Thuột' AND valid_to IS NULL LIMIT 1")"
export LEARNER_TOKEN="$(token http://127.0.0.1:8088 learner demo1234)"
export OFFICER_TOKEN="$(token http://127.0.0.1:8088 commune-officer demo1234)"
# a learner reads only the lessons of a course she is enrolled in
curl -s -o /dev/null -X POST -H "Authorization: Bearer $LEARNER_TOKEN" "http://127.0.0.1:8088/api/v1/courses/$COURSE/enrolment"
# exam autosaves need a running attempt: the learner starts one (or resumes hers) and the mix saves
# across its questions; guidance entries are a team member's, about people of her village
export ATTEMPT="$(curl -s -X POST -H "Authorization: Bearer $LEARNER_TOKEN" "http://127.0.0.1:8088/api/v1/me/exams/ADULT/attempts" \
  | sed -n 's/^{"attemptId" *: *"\([^"]*\)".*/\1/p')"
# a run on a database left from an earlier run: resume the learner's attempt still open
[ -n "$ATTEMPT" ] || ATTEMPT="$(curl -s -H "Authorization: Bearer $LEARNER_TOKEN" "http://127.0.0.1:8088/api/v1/me/exams" \
  | sed -n 's/.*"activeAttemptId" *: *"\([^"]*\)".*/\1/p')"
# a valid answer per position: one option, or every option in order for an ordering question
export CHOICES="$(curl -s -H "Authorization: Bearer $LEARNER_TOKEN" "http://127.0.0.1:8088/api/v1/me/exam-attempts/$ATTEMPT" \
  | jq -r '[.items[] | if .type == "ORDERING" then [range(0; .options | length)] else [0] end | tojson] | join("|")')"
export ITEMS="$(tr '|' '\n' <<< "$CHOICES" | wc -l)"
export MEMBER_TOKEN="$(token http://127.0.0.1:8088 team-member demo1234)"
export PEOPLE="$(q "SELECT string_agg(p.id::text, ',') FROM (SELECT p.id FROM person p JOIN unit u ON u.id = p.residence_unit_id JOIN role_grant g ON u.path LIKE (SELECT path FROM unit WHERE id = g.unit_id) || '%' JOIN account a ON a.id = g.account_id WHERE a.username = 'team-member' LIMIT 50) p")"
[ -n "$ATTEMPT" ] && [ -n "$PEOPLE" ] || { echo "no exam attempt ($ATTEMPT) or no people for the team member"; exit 1; }
echo "attempt $ATTEMPT ($ITEMS questions), $(echo "$PEOPLE" | tr ',' '\n' | wc -l) people for guidance"

run() { # label url connections -> prints a line, leaves rps/p99/bad in RPS P99 BAD
  local out
  out="$(wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${DUR}s" --timeout 10s -s "$ROOT/bench/wrk/mixed.lua" "$2" 2>"$WORK/wrk-errors.txt" | grep RESULT || true)"
  printf '%-34s c=%-4s %s\n' "$1" "$3" "${out#RESULT }"
  RPS="$(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<< "$out")"
  P99="$(sed -n 's/.*p99=\([0-9.]*\)ms.*/\1/p' <<< "$out")"
  BAD="$(sed -n 's/.*errors=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2/p' <<< "$out" | awk '{print $1 + $2}')"
}
best() { # label url -> the highest rate at p99 < 200 ms with nothing failed, and where it breaks
  BEST_C=0 BEST_RPS=0 BREAK_C=0
  for c in 1 2 4 8 16 32; do
    run "$1" "$2" "$c"
    if awk -v p="$P99" 'BEGIN{exit !(p < 200)}' && [ "$BAD" = 0 ]; then
      [ "$RPS" -gt "$BEST_RPS" ] && BEST_C=$c BEST_RPS=$RPS
    elif [ "$BREAK_C" = 0 ]; then
      BREAK_C=$c
    fi
  done
  [ "$BREAK_C" -gt 0 ] || BREAK_C=64
  echo "  -> best with p99 < 200 ms and no errors: ${BEST_RPS} req/s at c=${BEST_C}; breaks at c=${BREAK_C};" \
    "ratio to the static-file ceiling $(awk -v b="$BEST_RPS" -v c="$CEILING" 'BEGIN{printf "%.4f", b / c}')"
}
heap() {
  local tok; tok="$(token http://127.0.0.1:8088 province-admin demo1234)"
  for p in 8081 8082; do
    curl -s -H "Authorization: Bearer $tok" "http://127.0.0.1:$p/actuator/prometheus" > "$WORK/metrics-$p.txt" || true
    printf 'instance :%s heap used %s MB, refused with 503 so far %s\n' "$p" \
      "$(grep -a '^jvm_memory_used_bytes{area="heap"' "$WORK/metrics-$p.txt" | awk '{s+=$NF} END{printf "%.0f", s/1048576}')" \
      "$(grep -a '^binhdan_requests_refused_total' "$WORK/metrics-$p.txt" | awk '{printf "%.0f", $2}')"
  done
}
cpu() { # CPU seconds used so far by the platform's JVMs, PostgreSQL and nginx
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '{t = ($14 + $15) / hz}
    $2 == "(java)" {j += t} $2 == "(postgres)" {p += t} $2 == "(nginx)" {n += t} END {print j + 0, p + 0, n + 0}'
}
split() { # label url connections: one more run, with the CPU each part spent per request
  local before after
  before="$(cpu)"; run "$1" "$2" "$3"; after="$(cpu)"
  echo "$before $after" | awk -v rps="$RPS" -v d="$DUR" '{n = rps * d; printf "  CPU per request: JVMs %.2f ms, PostgreSQL %.2f ms, nginx %.2f ms (of %d requests)\n", ($4 - $1) * 1000 / n, ($5 - $2) * 1000 / n, ($6 - $3) * 1000 / n, n}'
}
echo "machine: $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg); bound per instance: $BOUND requests in flight"
echo "warm-up"; wrk -t2 -c8 -d10s -s "$ROOT/bench/wrk/mixed.lua" http://127.0.0.1:8088 >/dev/null 2>&1
CEILING="$(wrk -t2 -c64 -d"${DUR}s" http://127.0.0.1:8089/favicon.ico | awk '/Requests\/sec/{printf "%.0f", $2}')"
printf '%-34s c=%-4s rps=%s\n' "nginx static file (ceiling)" 64 "$CEILING"
echo "each kind alone, one instance, c=4:"
for k in read search save guidance dashboard; do ONLY=$k run "  $k" http://127.0.0.1:8081 4; done
best "one instance (direct)" http://127.0.0.1:8081; ONE_C=$BEST_C
best "two instances behind nginx" http://127.0.0.1:8088
split "two instances, at the best rate" http://127.0.0.1:8088 "$([ "$BEST_C" -gt 0 ] && echo "$BEST_C" || echo 4)"
heap
# the overload: twice and four times the connections at which p99 left 200 ms
admitted() { # from nginx's log of the last run: the share refused with 503 and the p99 of the others
  local log="$WORK/nginx/logs/access.log" total refused
  total="$(wc -l < "$log")"; refused="$(awk '$1 == 503' "$log" | wc -l)"
  awk '$1 != 503 {print $2 * 1000}' "$log" | sort -n | awk -v total="$total" -v refused="$refused" \
    '{t[NR] = $1} END {printf "  nginx log: %d requests, %.1f %% refused with 503; admitted p50 %.0f ms, p99 %.0f ms\n",
      total, 100 * refused / total, t[int(NR * 0.5)], t[int(NR * 0.99)]}'
}
for f in 2 4; do
  : > "$WORK/nginx/logs/access.log"
  run "two instances, ${f}x breaking point" http://127.0.0.1:8088 $((BREAK_C * f))
  admitted
done
heap
