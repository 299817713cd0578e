#!/usr/bin/env bash
# Installs the Debian packages a purpose needs, only those missing, so the README's commands work
# as they stand on a fresh Debian machine:
#
#   tools/deps.sh build    Java 17 and Maven: build the jar and run `ptree check`
#   tools/deps.sh test     everything tools/test-all.sh runs (nova and placement for conformance,
#                          Node.js and npm, Neovim, chromium and code-server's build headers, pre-commit)
#
# As root it runs apt-get itself (apt-get update at most once, skipped when PTREE_APT_UPDATED=1
# says the caller did it); otherwise through sudo when there is one; otherwise it names the
# packages and exits 2. Nothing is installed when everything is present.
set -euo pipefail

purpose="${1:-test}"
build=(maven openjdk-17-jdk-headless)
case "$purpose" in
  build) packages=("${build[@]}") ;;
  test)
    packages=("${build[@]}" python3-nova python3-placement neovim pre-commit git
      # the VS Code end-to-end test: Debian's chromium, and the headers code-server's native modules build against
      chromium fonts-dejavu-core build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev
      unzip curl)
    # the extension's unit tests need Node.js 20 and npm: a machine that has them keeps its own
    command -v npm >/dev/null || packages+=(nodejs npm)
    ;;
  *) echo "usage: tools/deps.sh build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != *'install ok installed'* ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "deps: not a Debian system; install the equivalents of: ${missing[*]}" >&2
  exit 2
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "deps: these Debian packages are missing: ${missing[*]}" >&2
    echo "deps: as root, run: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
  sudo=(sudo)
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if [[ "${PTREE_APT_UPDATED:-0}" != 1 ]]; then
  "${sudo[@]}" apt-get update -q
fi
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
