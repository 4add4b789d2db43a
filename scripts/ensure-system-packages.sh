#!/usr/bin/env bash
# Installs the Debian packages the tests use, if they are missing:
#   chromium       the browser Playwright drives (never a downloaded browser)
#   poppler-utils  pdftotext, pdffonts, pdftoppm, pdfsig: read (and check the signatures of) the certificates we generate
#   zbar-tools     zbarimg: decode the QR code on a rendered certificate
#   libreoffice-calc-nogui  soffice: open our XLSX reports like a user's spreadsheet does
#   libxml2-utils  xmllint: check the exported SCORM/cmi5 manifests against their XSDs (vendor/*-xsd)
# Further commands on request, by name (`bash scripts/ensure-system-packages.sh nginx pg_dump`):
#   nginx              the reverse proxy of `npm run test:cluster` (docs/deploy.md)
#   pg_dump/pg_restore postgresql-client: `npm run db:backup` / `db:restore` on PostgreSQL
set -euo pipefail

declare -A wanted=([chromium]=chromium [pdftotext]=poppler-utils [pdfsig]=poppler-utils [zbarimg]=zbar-tools [soffice]=libreoffice-calc-nogui [xmllint]=libxml2-utils)
declare -A on_request=([nginx]=nginx [pg_dump]=postgresql-client [pg_restore]=postgresql-client [psql]=postgresql-client)
for command in "$@"; do
  [ -n "${on_request[$command]:-}" ] || { echo "ensure-system-packages: unknown command $command" >&2; exit 2; }
  wanted[$command]=${on_request[$command]}
done
missing=()
for command in "${!wanted[@]}"; do
  if ! command -v "$command" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$command" ]; then
    [[ " ${missing[*]} " == *" ${wanted[$command]} "* ]] || missing+=("${wanted[$command]}")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Need root (or sudo) to install: ${missing[*]}" >&2; exit 1; fi; }
as_root apt-get update -qq
# The package's own service is not wanted (the cluster test runs nginx as the current user):
# policy-rc.d 101 keeps Debian's maintainer scripts from starting it.
if [ ! -e /usr/sbin/policy-rc.d ] && [[ " ${missing[*]} " == *" nginx "* ]]; then
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
