#!/usr/bin/env bash
# `npm run test:cluster`: the production topology of docs/deploy.md on one machine, and a smoke
# e2e through it. Starts PostgreSQL (scripts/ci/start-postgres.sh, database $CLUSTER_PG_DB, made
# fresh), builds once, starts two `next start` instances (MAIL_WORKER=off), the mail worker
# (`npm run worker`, delivering to an SMTP sink process) and Debian's nginx as this user with
# deploy/nginx.conf (TLS with a throw-away certificate, round robin), then runs
# tests/cluster/cluster.spec.ts against nginx. Everything it started is stopped at the end.
#   CLUSTER_PORTS=3232,3233 CLUSTER_NGINX_PORT=8431 CLUSTER_PG_DB=bbs_cluster
#   CLUSTER_REUSE_BUILD=1  keep an existing .next build (skips `next build`)
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
started=$(date +%s)
IFS=, read -r PORT_A PORT_B <<<"${CLUSTER_PORTS:-3232,3233}"
NGINX_PORT=${CLUSTER_NGINX_PORT:-8431}
PG_DB=${CLUSTER_PG_DB:-bbs_cluster}
step() { echo "== cluster [$(( $(date +%s) - started )) s] $*"; }

for port in "$PORT_A" "$PORT_B" "$NGINX_PORT" "$((NGINX_PORT - 1))"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop that server first" >&2; exit 1; fi
done

step "system packages"
bash scripts/ensure-system-packages.sh nginx pg_dump
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

step "PostgreSQL ($PG_DB, fresh)"
PG_URL=$(PG_DB=$PG_DB bash scripts/ci/start-postgres.sh | tail -n 1)
psql -q -v ON_ERROR_STOP=1 "${PG_URL%/*}/postgres" -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" -c "CREATE DATABASE \"$PG_DB\""
DATABASE_URL=$PG_URL npx tsx scripts/db/migrate.ts >/dev/null
DATABASE_URL=$PG_URL npx tsx --conditions=react-server prisma/seed/demo.ts >/dev/null

if [ -n "${CLUSTER_REUSE_BUILD:-}" ] && [ -f .next/BUILD_ID ]; then
  step "build: reusing .next"
else
  step "build"
  npx next build >/dev/null
fi

work=$(mktemp -d -t bbs-cluster-XXXXXX)
pids=()
cleanup() {
  status=$?
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log; do echo "--- $log (last 30 lines)"; tail -n 30 "$log"; done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

step "two app instances on $PORT_A and $PORT_B"
export DATABASE_URL=$PG_URL APP_ENV=demo MAIL_WORKER=off DATABASE_POOL_SIZE=5 TRUSTED_PROXIES=127.0.0.1
export BETTER_AUTH_SECRET=cluster-only-secret-0123456789abcdef0123456789
export PUBLIC_BASE_URL="https://localhost:$NGINX_PORT"
export METRICS_TOKEN=cluster-metrics-token-0123456789
for port in "$PORT_A" "$PORT_B"; do
  setsid node_modules/.bin/next start -p "$port" >"$work/app-$port.log" 2>&1 &
  pids+=($!)
done

step "the mail worker (npm run worker) delivering to an SMTP sink"
mkdir -p "$work/smtp"
setsid npx tsx tests/mail/smtp-sink-process.ts "$work/smtp" >"$work/smtp-sink.log" 2>&1 &
pids+=($!)
for i in $(seq 1 240); do
  [ -s "$work/smtp/port" ] && break
  [ "$i" = 240 ] && { echo "the SMTP sink did not start within 120 s" >&2; exit 1; }
  sleep 0.5
done
SMTP_URL="smtp://127.0.0.1:$(cat "$work/smtp/port")" setsid npm run --silent worker >"$work/worker.log" 2>&1 &
pids+=($!)

step "nginx on $NGINX_PORT (deploy/nginx.conf)"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#server 127.0.0.1:3001 #server 127.0.0.1:$PORT_A #" -e "s#server 127.0.0.1:3002 #server 127.0.0.1:$PORT_B #" \
  -e "s#listen 80;#listen 127.0.0.1:$((NGINX_PORT - 1));#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$NGINX_PORT ssl http2;#" \
  -e '/listen \[::\]/d' -e 's#server_name bijak.example.go.id;#server_name localhost;#' \
  -e "s#/etc/ssl/bijak/fullchain.pem#$work/cert.pem#" -e "s#/etc/ssl/bijak/privkey.pem#$work/key.pem#" \
  deploy/nginx.conf >"$work/site.conf"
grep -q "127.0.0.1:$PORT_B " "$work/site.conf" && grep -q "$work/key.pem" "$work/site.conf" && grep -q ":$NGINX_PORT ssl" "$work/site.conf" \
  || { echo "deploy/nginx.conf no longer has the lines this script rewrites" >&2; exit 1; }
mkdir -p "$work/temp"
cat >"$work/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root root;" )
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  types { text/html html; }
  log_format upstream '\$request_method \$uri \$status \$upstream_addr \$request_id';
  access_log $work/access.log upstream;
  include $work/site.conf;
}
CONF
"$NGINX" -t -q -p "$work" -c "$work/nginx.conf"
"$NGINX" -p "$work" -c "$work/nginx.conf"

step "waiting for /api/ready on both instances and through nginx"
for url in "http://localhost:$PORT_A/api/ready" "http://localhost:$PORT_B/api/ready" "https://localhost:$NGINX_PORT/api/ready"; do
  for i in $(seq 1 300); do
    curl -skf -o /dev/null "$url" && break
    [ "$i" = 300 ] && { echo "$url not ready within 150 s" >&2; exit 1; }
    sleep 0.5
  done
done

step "smoke e2e through nginx"
CLUSTER_BASE_URL="https://localhost:$NGINX_PORT" CLUSTER_INSTANCES="http://localhost:$PORT_A,http://localhost:$PORT_B" \
  CLUSTER_ACCESS_LOG="$work/access.log" E2E_DATABASE_URL=$PG_URL METRICS_TOKEN=$METRICS_TOKEN CLUSTER_MAIL_RECEIVED="$work/smtp/received.jsonl" \
  npx playwright test -c tests/cluster/playwright.config.ts
echo "requests per instance: $(awk '{print $4}' "$work/access.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
step "passed"
