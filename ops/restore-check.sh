#!/usr/bin/env bash
# Proves that a backup restores: makes an installation here (PostgreSQL cluster, the application
# with a smaller demo, a certificate-free but populated database), backs it up with ops/backup.sh,
# restores the dump into a FRESH cluster with pg_restore and the files into a fresh directory,
# starts the application on the restored copy with the restored secrets, and checks that
#   - it starts and is healthy,
#   - the demo accounts sign in (the password hashes and the ID-number HMAC secret came back),
#   - the recount of the live figures finds no difference (POST /api/v1/monitoring/check),
#   - the persons and units counted before the backup are all there.
# Work files in ops/work/restore/. Needs PostgreSQL 15+ binaries, a JDK 21+.
source "$(dirname "$0")/lib.sh"

WORK="$ROOT/ops/work/restore"
PG_SRC=55440 PG_DST=55441 PORT_SRC=8091 PORT_DST=8092
cleanup() { stop_app "$WORK" source; stop_app "$WORK" restored; stop_cluster "$WORK/db-source"; stop_cluster "$WORK/db-restored"; }
trap cleanup EXIT
rm -rf "$WORK"; mkdir -p "$WORK/shared-files"
fail() { log "FAILED: $*"; exit 1; }
q() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d binhdan -tAq -c "$2"; }

for v in BINHDAN_TOKEN_SECRET BINHDAN_ID_HASH_SECRET BINHDAN_KEY_SECRET BINHDAN_CHECKIN_SECRET; do
  echo "export $v=$(openssl rand -base64 48 | tr -d '\n')"
done > "$WORK/shared-files/secrets.env"
chmod 600 "$WORK/shared-files/secrets.env"
source "$WORK/shared-files/secrets.env"

log "the installation to back up"
new_cluster "$WORK/db-source" "$PG_SRC"
start_app source "$PORT_SRC" "$PG_SRC" "$WORK" --spring.profiles.active=demo --binhdan.demo.persons=2000
wait_healthy "http://127.0.0.1:$PORT_SRC"
for _ in $(seq 1 900); do grep -q "Demo data loaded" "$WORK/source.log" && break; sleep 1; done
grep -q "Demo data loaded" "$WORK/source.log" || fail "the demo did not load"
persons="$(q $PG_SRC 'SELECT COUNT(*) FROM person')"; units="$(q $PG_SRC 'SELECT COUNT(*) FROM unit')"
log "before: $persons persons, $units units"

log "backup (ops/backup.sh)"
backup="$(DATABASE_URL_PSQL="postgresql://postgres@127.0.0.1:$PG_SRC/binhdan" BACKUP_DIR="$WORK/backups" \
    FILES_DIR="$WORK/source" SECRETS_FILE="$WORK/shared-files/secrets.env" \
    PATH="$PG_BIN:$PATH" "$ROOT/ops/backup.sh")"
stop_app "$WORK" source
stop_cluster "$WORK/db-source"
log "backup in $backup: $(ls "$backup" | tr '\n' ' ')"

log "restore into a fresh cluster"
(cd "$backup" && sha256sum -c --quiet SHA256SUMS) || fail "the backup's checksums do not match"
new_cluster "$WORK/db-restored" "$PG_DST"
chmod -R a+rX "$WORK/backups"
# the extension's comment belongs to its owner (the superuser who created it), not to binhdan
as_pg "$PG_BIN/pg_restore" -l "$backup/binhdan.dump" | grep -v "COMMENT - EXTENSION" > "$WORK/restore.list"
as_pg "$PG_BIN/pg_restore" --no-owner --role=binhdan -L "$WORK/restore.list" -h 127.0.0.1 -p "$PG_DST" -U postgres \
    -d binhdan --exit-on-error "$backup/binhdan.dump" \
  2> "$WORK/pg_restore.log" || { grep -v "already exists" "$WORK/pg_restore.log" | head; fail "pg_restore"; }
mkdir -p "$WORK/restored" && tar -C "$WORK/restored" -xzf "$backup/files.tar.gz"
# the secrets come from the backup, not from this shell
unset BINHDAN_TOKEN_SECRET BINHDAN_ID_HASH_SECRET BINHDAN_KEY_SECRET BINHDAN_CHECKIN_SECRET
source "$backup/secrets.env"

log "the application on the restored copy"
start_app restored "$PORT_DST" "$PG_DST" "$WORK"
wait_healthy "http://127.0.0.1:$PORT_DST" || { tail -40 "$WORK/restored.log"; fail "the restored copy does not start"; }
BASE="http://127.0.0.1:$PORT_DST"
tok="$(token "$BASE" province-admin demo1234)"
[ -n "$tok" ] || fail "the administrator cannot sign in on the restored copy"
check="$(curl -sf -X POST -H "Authorization: Bearer $tok" "$BASE/api/v1/monitoring/check")" || fail "the recount did not run"
echo "$check" | grep -q '"differences":0' || fail "the recount found differences: $check"
[ "$(q $PG_DST 'SELECT COUNT(*) FROM person')" = "$persons" ] || fail "persons differ"
[ "$(q $PG_DST 'SELECT COUNT(*) FROM unit')" = "$units" ] || fail "units differ"
log "after: $persons persons, $units units, recount: 0 differences"
log "RESTORE CHECK PASSED"
