#!/usr/bin/env bash
# Installs what the end-to-end test needs, once: Debian packages (chromium, the headers
# code-server's native modules build against), Node 24 from the npm package `node`,
# code-server, and playwright-core. Everything but the Debian packages lives under
#   ${PTREE_E2E_CACHE:-$HOME/.cache/ptree-e2e}
# and is reused while the pinned versions below are unchanged; a second run only checks.
# Writes $CACHE/env.sh, which run.sh sources.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PTREE_E2E_CACHE:-$HOME/.cache/ptree-e2e}"

NODE24_VERSION=24.21.0        # the npm package `node`: a Node 24 binary, which code-server 4.139 requires
CODE_SERVER_VERSION=4.139.1   # pins its whole tree: code-server ships an npm-shrinkwrap.json

APT_PACKAGES=(
  chromium fonts-dejavu-core
  # code-server's native modules (kerberos, @vscode/spdlog, native-keymap, sqlite…) build against these
  build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev
  unzip curl
)

log() { printf '[setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# --- Debian packages ---------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != *'install ok installed'* ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "Debian packages present"
fi

command -v node >/dev/null || { echo "setup: node (20 or newer) is needed to run npm and the test" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm is needed" >&2; exit 1; }
mkdir -p "$CACHE"

# Each cached install goes to DIR.tmp and is renamed to DIR when complete, so an
# interrupted run never leaves a half-installed directory that looks finished.

# --- Node 24 -------------------------------------------------------------------------------
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
NODE24="$NODE24_DIR/node_modules/node/bin/node"
if [[ ! -x "$NODE24" ]]; then
  log "installing node@$NODE24_VERSION (npm package) into $NODE24_DIR"
  rm -rf "$NODE24_DIR.tmp" "$NODE24_DIR"
  mkdir -p "$NODE24_DIR.tmp"
  echo '{"private":true}' >"$NODE24_DIR.tmp/package.json"
  (cd "$NODE24_DIR.tmp" && npm install --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION")
  mv "$NODE24_DIR.tmp" "$NODE24_DIR"
fi
[[ "$("$NODE24" --version)" == v24.* ]] || { echo "setup: $NODE24 is not Node 24" >&2; exit 1; }
log "node 24: $NODE24 ($("$NODE24" --version))"
# Headers for node-gyp, so native modules build without downloading them.
NODE24_HEADERS="$(ls -d "$NODE24_DIR"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -1)"
[[ -d "$NODE24_HEADERS/include/node" ]] || { echo "setup: no Node headers under $NODE24_DIR" >&2; exit 1; }

# --- code-server ---------------------------------------------------------------------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [[ ! -f "$CS_DIR/.complete" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION with Node 24 into $CS_DIR (builds native modules: a few minutes)"
  rm -rf "$CS_DIR.tmp" "$CS_DIR"
  mkdir -p "$CS_DIR.tmp"
  echo '{"private":true}' >"$CS_DIR.tmp/package.json"
  # npm itself under Node 24, with Node 24 first on PATH for the install scripts.
  NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
  (cd "$CS_DIR.tmp" &&
    PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$NODE24_HEADERS" \
      "$NODE24" "$NPM_CLI" install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  [[ -f "$CS_DIR.tmp/node_modules/code-server/out/node/entry.js" ]] || { echo "setup: code-server did not install" >&2; exit 1; }
  touch "$CS_DIR.tmp/.complete"
  mv "$CS_DIR.tmp" "$CS_DIR"
fi
# (Not `code-server --version`: any run without --config writes ~/.config/code-server/config.yaml.)
log "code-server $(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"

# --- playwright-core (from e2e/package-lock.json) -------------------------------------------
LOCK_SUM="$(sha256sum "$HERE/package-lock.json" | cut -c1-12)"
DEPS_DIR="$CACHE/e2e-deps-$LOCK_SUM"
if [[ ! -f "$DEPS_DIR/.complete" ]]; then
  log "installing the test's npm dependencies (e2e/package-lock.json) into $DEPS_DIR"
  rm -rf "$DEPS_DIR.tmp" "$DEPS_DIR"
  mkdir -p "$DEPS_DIR.tmp"
  cp "$HERE/package.json" "$HERE/package-lock.json" "$DEPS_DIR.tmp/"
  # playwright-core downloads no browser: the test drives Debian's chromium.
  (cd "$DEPS_DIR.tmp" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$DEPS_DIR.tmp/.complete"
  mv "$DEPS_DIR.tmp" "$DEPS_DIR"
fi
log "playwright-core $(node -p "require('$DEPS_DIR/node_modules/playwright-core/package.json').version")"

cat >"$CACHE/env.sh" <<EOF
# Written by client-vscode/e2e/setup.sh
export PTREE_E2E_NODE24='$NODE24'
export PTREE_E2E_CODE_SERVER='$CS_ENTRY'
export PTREE_E2E_DEPS='$DEPS_DIR'
export PTREE_E2E_CHROMIUM='/usr/bin/chromium'
EOF
log "ready; paths in $CACHE/env.sh"
