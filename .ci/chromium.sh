#!/usr/bin/env bash
# Debian's Chromium for the console's browser tests (packages/examples/console/test), driven by
# playwright-core (which never downloads a browser of its own: this machine's network reaches only
# the npm registry and Debian's packages). Installs the `chromium` package with apt-get when
# /usr/bin/chromium (or $MUROJAAT_CHROMIUM) is missing; it stays installed. Needs root (or sudo)
# for the install. Prints on stdout only an `export` line (everything else goes to stderr):
#   export MUROJAAT_CHROMIUM=<path of the browser>
# Exit code 1 when no browser could be installed; the browser tests then fail and say why.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
browser="${MUROJAAT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$browser" ]; then
  echo "chromium.sh: installing chromium" >&2
  sudo_() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo -n "$@"; fi; }
  sudo_ apt-get update -qq >&2
  sudo_ apt-get install -y -qq chromium >&2
  browser=/usr/bin/chromium
fi
"$browser" --version >&2
printf 'export MUROJAAT_CHROMIUM=%q\n' "$browser"
