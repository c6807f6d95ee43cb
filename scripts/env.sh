#!/usr/bin/env bash
# Run a command with what the edition needs on this machine:
#  - Node >= 22.12 (Astro 7): when the machine's Node is older, install the npm package node@24
#    into a cache prefix (~/.cache/edition-node) and put it first on PATH;
#  - for the browser tests, Debian's chromium (/usr/bin/chromium), installed with apt-get if missing.
# Usage: bash scripts/env.sh "npm install && npm start"
set -euo pipefail

cache="${EDITION_CACHE:-$HOME/.cache/edition-node}"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
  if [ -x "$cache/node_modules/.bin/node" ]; then
    export PATH="$cache/node_modules/.bin:$PATH"
  fi
  if ! node_ok; then
    echo "env.sh: Node >= 22.12 not found; installing node@24 from the npm registry into $cache" >&2
    mkdir -p "$cache"
    npm install --no-save --no-audit --no-fund --prefix "$cache" node@24 >&2
    export PATH="$cache/node_modules/.bin:$PATH"
  fi
fi
node_ok || { echo "env.sh: could not provide Node >= 22.12" >&2; exit 1; }

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "env.sh: installing Debian's chromium for the browser tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "env.sh: warning: /usr/bin/chromium is missing (browser tests need it; set CHROMIUM_PATH)" >&2
  fi
fi

echo "env.sh: node $(node --version), npm $(npm --version)" >&2
exec bash -c "$*"
