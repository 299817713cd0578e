#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server serves it to Debian's
# chromium, which playwright-core drives (e2e/test.mjs).
#
#   bash client-vscode/e2e/run.sh
#
# Runs setup.sh (fast once cached), packages the extension unless PTREE_E2E_VSIX names a
# .vsix, installs it into a fresh code-server, opens a copy of e2e/workspace and checks the
# Problems panel, a hover, a quick fix, inlay hints and a code lens (whose click opens the
# references peek). Screenshots and logs go to e2e/artifacts/.
#
# PTREE_E2E_EXPECT=server     the server must work: every check runs and must pass
# PTREE_E2E_EXPECT=no-server  the jar has no `serve` yet: the status bar must show the error;
#                             the checks that need the server are skipped
# PTREE_E2E_EXPECT=mock       every check, against e2e/mock-server.mjs in place of `ptree serve`
#                             (ptree.java.path points at a wrapper that runs it; the CLI
#                             commands still go to the real java)
# unset: decided by whether the packaged jar lists a `serve` command.
# PTREE_E2E_KEEP=1 keeps the temporary directory (code-server's user data and logs).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXT="$(dirname "$HERE")"
REPO="$(dirname "$EXT")"
CACHE="${PTREE_E2E_CACHE:-$HOME/.cache/ptree-e2e}"
ARTIFACTS="$HERE/artifacts"
T0=$SECONDS

log() { printf '[e2e %s +%ss] %s\n' "$(date +%H:%M:%S)" "$((SECONDS - T0))" "$*"; }

log "setup"
bash "$HERE/setup.sh"
# shellcheck source=/dev/null
source "$CACHE/env.sh"

# --- the extension ---------------------------------------------------------------------------
if [[ -n "${PTREE_E2E_VSIX:-}" ]]; then
  VSIX="$(readlink -f "$PTREE_E2E_VSIX")"
else
  if [[ ! -f "$REPO/server/target/ptree.jar" ]]; then
    log "building the server jar (mvn package)"
    (cd "$REPO" && mvn -B -q -ntp package -DskipTests)
  fi
  if [[ ! -d "$EXT/node_modules" ]]; then
    log "npm ci"
    (cd "$EXT" && npm ci --no-audit --no-fund)
  fi
  log "npm run package"
  (cd "$EXT" && npm run -s package >/dev/null)
  VERSION="$(node -p "require('$EXT/package.json').version")"
  VSIX="$EXT/ptree-$VERSION.vsix"
fi
[[ -f "$VSIX" ]] || { echo "e2e: no vsix at $VSIX" >&2; exit 1; }
# (Here-strings, not pipes into grep -q: under pipefail the writer's SIGPIPE fails the test.)
grep -qx 'extension/server/ptree.jar' <<<"$(unzip -Z1 "$VSIX")" || { echo "e2e: $VSIX has no server/ptree.jar" >&2; exit 1; }
log "vsix: $VSIX"

if [[ -z "${PTREE_E2E_EXPECT:-}" ]]; then
  JAR_HELP="$(unzip -p "$VSIX" extension/server/ptree.jar >"${TMPDIR:-/tmp}/ptree-e2e-probe.jar" &&
    java -jar "${TMPDIR:-/tmp}/ptree-e2e-probe.jar" --help 2>&1 || true)"
  rm -f "${TMPDIR:-/tmp}/ptree-e2e-probe.jar"
  if grep -qE '^\s+serve\b' <<<"$JAR_HELP"; then PTREE_E2E_EXPECT=server; else PTREE_E2E_EXPECT=no-server; fi
fi
export PTREE_E2E_EXPECT
log "expecting: $PTREE_E2E_EXPECT"

# --- a fresh code-server -------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ptree-e2e.XXXXXX")"
USER_DATA="$WORK/user-data"
EXTENSIONS="$WORK/extensions"
WORKSPACE="$WORK/workspace"
mkdir -p "$USER_DATA/User" "$EXTENSIONS" "$ARTIFACTS"
rm -f "$ARTIFACTS"/*.png "$ARTIFACTS"/*.log "$ARTIFACTS"/*.txt
cp -r "$HERE/workspace" "$WORKSPACE"
# Quiet, deterministic workbench: no welcome page, no trust prompt, no update or AI features.
cat >"$USER_DATA/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "files.autoSave": "off",
  "editor.hover.delay": 300,
  "ptree.trace.server": "messages"
}
EOF
if [[ "$PTREE_E2E_EXPECT" == mock ]]; then
  REAL_JAVA="$(command -v java || true)"
  [[ -n "$REAL_JAVA" ]] || { echo "e2e: mock mode still needs java for the CLI commands" >&2; exit 1; }
  mkdir -p "$WORK/mock-java"
  # A "java" whose `-jar ptree.jar serve` is e2e/mock-server.mjs; anything else is the real java.
  {
    echo '#!/bin/sh'
    echo 'if [ "$1" = -version ]; then echo "openjdk version \"17.0.0\" (ptree e2e mock)" >&2; exit 0; fi'
    echo 'for last; do :; done'
    echo "if [ \"\$last\" = serve ]; then exec '$(command -v node)' '$HERE/mock-server.mjs'; fi"
    echo "exec '$REAL_JAVA' \"\$@\""
  } >"$WORK/mock-java/java"
  chmod +x "$WORK/mock-java/java"
  # A machine-scoped setting: in code-server it is read from the Machine settings, not the User ones.
  mkdir -p "$USER_DATA/Machine"
  printf '{\n  "ptree.java.path": "%s"\n}\n' "$WORK/mock-java/java" >"$USER_DATA/Machine/settings.json"
fi
# code-server reads (and would otherwise write) ~/.config/code-server/config.yaml.
printf 'auth: none\ncert: false\n' >"$WORK/config.yaml"

CS=("$PTREE_E2E_NODE24" "$PTREE_E2E_CODE_SERVER" --config "$WORK/config.yaml" --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS")
log "installing the vsix into code-server"
PATH="$(dirname "$PTREE_E2E_NODE24"):$PATH" "${CS[@]}" --install-extension "$VSIX" >"$WORK/install.log" 2>&1 ||
  { cat "$WORK/install.log"; exit 1; }
grep -q 'successfully installed' "$WORK/install.log" || { cat "$WORK/install.log"; exit 1; }
compgen -G "$EXTENSIONS/ptree.ptree-*" >/dev/null || { echo "e2e: the extension is not in $EXTENSIONS" >&2; exit 1; }

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
CS_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$CS_PID" ]] && kill -0 "$CS_PID" 2>/dev/null; then
    log "stopping code-server (process group $CS_PID)"
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  cp "$WORK/code-server.log" "$ARTIFACTS/code-server.log" 2>/dev/null || true
  # The "ptree" output channel, as the extension host logged it.
  local channel
  channel="$(find "$USER_DATA/logs" -name '*-ptree.log' 2>/dev/null | head -1)"
  [[ -z "$channel" ]] || cp "$channel" "$ARTIFACTS/ptree-output.log"
  if [[ "${PTREE_E2E_KEEP:-}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  log "done in $((SECONDS - T0))s (exit $rc)"
}
trap cleanup EXIT

log "starting code-server on 127.0.0.1:$PORT"
# setsid: code-server, its extension host and the java server form one process group,
# stopped together in cleanup().
PATH="$(dirname "$PTREE_E2E_NODE24"):$PATH" setsid "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$WORKSPACE" >"$WORK/code-server.log" 2>&1 &
CS_PID=$!
for i in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log"; echo "e2e: code-server exited" >&2; exit 1; }
  [[ $i -lt 120 ]] || { cat "$WORK/code-server.log"; echo "e2e: code-server did not answer in 60 s" >&2; exit 1; }
  sleep 0.5
done
log "code-server is up"

PTREE_E2E_URL="http://127.0.0.1:$PORT/?folder=$WORKSPACE" \
  PTREE_E2E_WORKSPACE="$WORKSPACE" \
  PTREE_E2E_ARTIFACTS="$ARTIFACTS" \
  PTREE_E2E_LOGS="$USER_DATA/logs" \
  node "$HERE/test.mjs"
