#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, and creates the role and database the
# integration tests use. Prints the URL to use as TEST_POSTGRES_URL on its last line.
#   bash scripts/ci/start-postgres.sh
set -euo pipefail

PG_USER=${PG_USER:-bbs}
PG_PASSWORD=${PG_PASSWORD:-bbs-local-test}
PG_DB=${PG_DB:-bbs_test}
PG_PORT=${PG_PORT:-5432}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages…" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! as_root pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
fi
for _ in $(seq 1 30); do
  as_root su postgres -c "pg_isready -q -p $PG_PORT" && break
  sleep 1
done

as_root su postgres -c "psql -q -p $PG_PORT -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
-- The tests drop their databases WITH (FORCE), which must be allowed to end an autovacuum
-- worker that is busy in one (otherwise: "must be a member of the role whose process is being
-- terminated or member of pg_signal_backend", seen once in 25 drops under load).
GRANT pg_signal_backend TO $PG_USER;
SQL
if ! as_root su postgres -c "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"" | grep -q 1; then
  as_root su postgres -c "createdb -p $PG_PORT -O $PG_USER $PG_DB" >&2
fi
echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
