#!/usr/bin/env bash
# The integration suite against a real database: always SQLite, and PostgreSQL too when
# TEST_POSTGRES_URL names a server (CI starts one with scripts/ci/start-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== integration suite on SQLite"
TEST_DB_PROVIDER=sqlite npx vitest run --project integration "$@"

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration suite on PostgreSQL"
  TEST_DB_PROVIDER=postgresql npx vitest run --project integration "$@"
else
  echo "== integration suite on PostgreSQL: SKIPPED (set TEST_POSTGRES_URL=postgresql://… to run it;"
  echo "   bash scripts/ci/start-postgres.sh starts a local server and prints the URL)"
fi
