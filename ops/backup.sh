#!/usr/bin/env bash
# Nightly backup of one platform installation: the database (pg_dump, custom format) and what lives
# outside it. Run from cron as a user that can read both, e.g.
#   15 2 * * *  DATABASE_URL_PSQL=postgresql://binhdan@db/binhdan FILES_DIR=/var/lib/binhdan \
#               SECRETS_FILE=/etc/binhdan/secrets.env BACKUP_DIR=/var/backups/binhdan /opt/binhdan/ops/backup.sh
# Outside the database:
#   SECRETS_FILE  the four BINHDAN_*_SECRET values. Without BINHDAN_ID_HASH_SECRET no person can be
#                 matched by ID number again, and without BINHDAN_KEY_SECRET the provinces' signing
#                 keys (sealed in the database) cannot be opened: keep this copy apart (another
#                 machine, a safe), encrypted, and never only beside the dump.
#   FILES_DIR     the instances' working directory: imports waiting for their job and error reports
#                 (BINHDAN_IMPORT_DIR), confirmations written as files while no national endpoint
#                 is configured (data/confirmations). Course images and evidence are in the database.
# Keeps the last KEEP (default 14) backups.
set -euo pipefail
: "${DATABASE_URL_PSQL:?e.g. postgresql://binhdan@127.0.0.1:5432/binhdan}"
: "${BACKUP_DIR:?where backups go}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="$BACKUP_DIR/$stamp"
mkdir -p "$dest"
pg_dump --format=custom --no-owner --file="$dest/binhdan.dump" "$DATABASE_URL_PSQL"
if [ -n "${FILES_DIR:-}" ] && [ -d "$FILES_DIR" ]; then
  tar -C "$FILES_DIR" -czf "$dest/files.tar.gz" .
fi
if [ -n "${SECRETS_FILE:-}" ]; then
  install -m 600 "$SECRETS_FILE" "$dest/secrets.env"
fi
( cd "$dest" && sha256sum ./* > SHA256SUMS )
ls -1d "$BACKUP_DIR"/*/ 2>/dev/null | sort | head -n -"${KEEP:-14}" | xargs -r rm -rf
echo "$dest"
