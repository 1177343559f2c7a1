#!/usr/bin/env bash
# Runs Debian's nginx in front of two instances of the platform on one PostgreSQL here, with the
# configuration of ops/nginx/binhdan.conf, and checks what a user behind a load balancer notices:
# a session started on one instance is honoured by the other, an instance going down loses
# nobody's session, the metrics refuse anonymous callers. Leaves everything in ops/work/two/.
#   ops/two-instances.sh           run the checks, then stop everything
#   KEEP=1 ops/two-instances.sh    leave it running (nginx on :8088) e.g. for bench/wrk
# Needs: PostgreSQL (apt-get install -y postgresql-15), nginx (apt-get install -y nginx), a JDK 21+.
source "$(dirname "$0")/lib.sh"

WORK="$ROOT/ops/work/two"
PGPORT="${PGPORT:-55432}"
PORT_A=8081 PORT_B=8082 PORT_NGINX="${PORT_NGINX:-8088}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

cleanup() {
  stop_app "$WORK" a; stop_app "$WORK" b
  [ -f "$WORK/nginx/nginx.pid" ] && "$NGINX" -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true
  stop_cluster "$WORK/db"
}
[ -n "${KEEP:-}" ] || trap cleanup EXIT

rm -rf "$WORK"; mkdir -p "$WORK/shared-files"
# the four secrets, the same for both instances (see docs/deploy.md: back them up with the database)
for v in BINHDAN_TOKEN_SECRET BINHDAN_ID_HASH_SECRET BINHDAN_KEY_SECRET BINHDAN_CHECKIN_SECRET; do
  echo "export $v=$(openssl rand -base64 48 | tr -d '\n')"
done > "$WORK/shared-files/secrets.env"
source "$WORK/shared-files/secrets.env"
export SERVER_FORWARD_HEADERS_STRATEGY=native

log "PostgreSQL on port $PGPORT"
new_cluster "$WORK/db" "$PGPORT"
log "instance a (loads a smaller demo: 2,000 persons)"
start_app a "$PORT_A" "$PGPORT" "$WORK" --spring.profiles.active=demo --binhdan.demo.persons=2000
wait_healthy "http://127.0.0.1:$PORT_A"
for _ in $(seq 1 900); do grep -q "Demo data loaded" "$WORK/a.log" && break; sleep 1; done
grep -q "Demo data loaded" "$WORK/a.log" || { log "the demo did not load"; tail -50 "$WORK/a.log"; exit 1; }
log "instance b"
start_app b "$PORT_B" "$PGPORT" "$WORK"
wait_healthy "http://127.0.0.1:$PORT_B"

log "nginx on port $PORT_NGINX"
mkdir -p "$WORK/nginx/logs"
sed -e "s/listen 80;/listen $PORT_NGINX;/" \
    -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/" -e "s/127.0.0.1:8082/127.0.0.1:$PORT_B/" \
    -e 's/    location \/ {/    add_header X-Upstream $upstream_addr always;\n    location \/ {/' \
    "$ROOT/ops/nginx/binhdan.conf" > "$WORK/nginx/binhdan.conf"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    # status and time per request: the benchmark reads the p99 of the requests admitted from it
    log_format timed '\$status \$request_time \$upstream_addr';
    access_log $WORK/nginx/logs/access.log timed;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/binhdan.conf;
    # a static file, for the benchmark's ceiling
    server { listen $((PORT_NGINX + 1)); location / { root $WORK/nginx/static; } }
}
NGINX
mkdir -p "$WORK/nginx/static"; cp "$ROOT/src/main/resources/static/favicon.ico" "$WORK/nginx/static/"
"$NGINX" -t -p "$WORK/nginx" -c nginx.conf 2>&1 | tail -1
"$NGINX" -p "$WORK/nginx" -c nginx.conf

BASE="http://127.0.0.1:$PORT_NGINX"
JAR_COOKIES="$WORK/cookies.txt"
fail() { log "FAILED: $*"; exit 1; }

log "sign in through nginx, then ten pages: both instances serve the session"
csrf="$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -n 1)"
[ -n "$csrf" ] || fail "no login form"
code="$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
    --data-urlencode "username=commune-officer" --data-urlencode "password=demo1234" --data-urlencode "_csrf=$csrf" "$BASE/login")"
[ "$code" = 302 ] || fail "login answered $code"
upstreams=""
for _ in $(seq 1 10); do
  out="$(curl -s -D - -o "$WORK/page.html" -b "$JAR_COOKIES" "$BASE/")"
  echo "$out" | head -n 1 | grep -q " 200" || fail "a page answered: $(echo "$out" | head -n 1)"
  grep -q "Phường Buôn Ma Thuột" "$WORK/page.html" || fail "the page is not the officer's home page"
  upstreams="$upstreams $(echo "$out" | sed -n 's/^X-Upstream: *\([^\r]*\).*/\1/p')"
done
echo "$upstreams" | grep -q ":$PORT_A" || fail "instance a never answered"
echo "$upstreams" | grep -q ":$PORT_B" || fail "instance b never answered"
log "ok: served by$(echo "$upstreams" | tr ' ' '\n' | grep . | sort | uniq -c | tr -s ' \n' ' ')"

log "the metrics refuse anonymous callers through nginx"
code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/prometheus")"
[ "$code" = 401 ] || fail "anonymous metrics answered $code"
tok="$(token "$BASE" province-admin demo1234)"
# read it whole first: with pipefail, grep -q leaving early would fail curl on a broken pipe
metrics="$(curl -sf -H "Authorization: Bearer $tok" "$BASE/actuator/prometheus" || true)"
grep -q binhdan_outbox_backlog <<< "$metrics" || fail "the administrator does not get the metrics"
log "ok"

log "instance a stops: the session goes on on b"
stop_app "$WORK" a
sleep 2
for _ in $(seq 1 5); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "$BASE/")"
  [ "$code" = 200 ] || fail "after a stopped, a page answered $code"
done
log "ok"
log "ALL CHECKS PASSED"
