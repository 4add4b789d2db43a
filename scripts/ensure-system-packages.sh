#!/usr/bin/env bash
# Installs the Debian packages the tests use, if they are missing:
#   chromium       the browser Playwright drives (never a downloaded browser)
#   poppler-utils  pdftotext, pdffonts, pdftoppm: read the certificates we generate
#   zbar-tools     zbarimg: decode the QR code on a rendered certificate
#   libreoffice-calc-nogui  soffice: open our XLSX reports like a user's spreadsheet does
set -euo pipefail

declare -A wanted=([chromium]=chromium [pdftotext]=poppler-utils [zbarimg]=zbar-tools [soffice]=libreoffice-calc-nogui)
missing=()
for command in "${!wanted[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${wanted[$command]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Need root (or sudo) to install: ${missing[*]}" >&2; exit 1; fi; }
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
