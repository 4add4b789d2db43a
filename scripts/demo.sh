#!/usr/bin/env bash
# `npm run demo`: installs, prepares the SQLite database (migrations + demo data), builds and
# serves the app on http://localhost:3000, and prints the demo logins.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# A production build on http://localhost on purpose: the one switch that allows it (lib/env.ts).
export APP_ENV=demo
PORT=${PORT:-3000}

# `npm install` against the lock, not `npm ci`: the registry mirror lacks some other platforms'
# optional binaries, which `npm ci`'s strict lock check then reports as missing.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-save --no-audit --no-fund
fi

# A secret for signing sessions, made once for this checkout (never committed: .env is ignored).
if [ ! -f .env ] || ! grep -q '^BETTER_AUTH_SECRET=' .env; then
  echo "BETTER_AUTH_SECRET=$(node -e "console.log(require('node:crypto').randomBytes(32).toString('hex'))")" >> .env
fi
set -a; . ./.env; set +a
export DATABASE_URL=${DATABASE_URL:-file:./data/app.db}
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-http://localhost:$PORT}

npm run --silent db:migrate
npm run build
npm run --silent db:seed
exec npx next start -p "$PORT"
