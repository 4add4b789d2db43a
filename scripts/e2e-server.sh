#!/usr/bin/env bash
# The app as the e2e tests see it: a production build on a fresh SQLite database with the demo
# data, on port $E2E_PORT (3100). Started by Playwright's webServer.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# A production build on http://localhost on purpose: the one switch that allows it (lib/env.ts).
export APP_ENV=demo
PORT=${E2E_PORT:-3100}
# One database per port, so parallel e2e runs do not share state.
DB_FILE="tests/.data/e2e-$PORT.db"
export DATABASE_URL="file:./$DB_FILE"
export BETTER_AUTH_SECRET=${BETTER_AUTH_SECRET:-e2e-only-secret-0123456789abcdef0123456789}
export PUBLIC_BASE_URL="http://localhost:$PORT"
# /api/metrics answers with this token (e2e/observability.spec.ts scrapes it).
export METRICS_TOKEN=${METRICS_TOKEN:-e2e-metrics-token-0123456789}
# Assignments of more than 50 people run in the background (e2e/assignment-jobs.spec.ts, decision 049).
export ASSIGN_INLINE_LIMIT=${ASSIGN_INLINE_LIMIT:-50}

mkdir -p tests/.data
rm -f "$DB_FILE" "$DB_FILE-wal" "$DB_FILE-shm"
npx tsx scripts/db/migrate.ts >/dev/null
npx tsx --conditions=react-server prisma/seed/demo.ts >/dev/null
[ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || npx next build
# The server's JSON log also goes to a file, where e2e/observability.spec.ts reads its request lines.
LOG_FILE="tests/.data/e2e-$PORT.log"
: > "$LOG_FILE"
exec > >(tee -a "$LOG_FILE") 2>&1
exec npx next start -p "$PORT"
