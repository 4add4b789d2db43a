#!/usr/bin/env bash
# `npm test`: every test suite there is, on a fresh machine too.
#   1. installs what is missing (npm packages, Debian's chromium, poppler-utils, zbar-tools)
#   2. schema and content checks
#   3. unit tests (Vitest)
#   4. integration tests on a real database: SQLite, and PostgreSQL when TEST_POSTGRES_URL is set
#   5. end-to-end tests in Chromium (Playwright) against a production build
#   6. the security suite: every attack of tests/security/attacks against that build, on SQLite
#      and (with TEST_POSTGRES_URL) PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# `npm install` against the lock, not `npm ci`: the registry mirror lacks some other platforms'
# optional binaries, which `npm ci`'s strict lock check then reports as missing.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-save --no-audit --no-fund
fi
bash scripts/ensure-system-packages.sh

echo "== checks"
npm run --silent db:check
npm run --silent content:check

echo "== unit tests"
npx vitest run --project unit

echo "== integration tests"
bash scripts/test-integration.sh

echo "== end-to-end tests"
npx next build
npx playwright test

echo "== security suite"
npm run --silent test:security
