#!/usr/bin/env bash
# Repository-scale bench (issue 12, DESIGN §7): a host_vars repository of H hosts; ptree check
# against a bare SnakeYAML compose of the same files, and the language server as the editor
# clients start it, as bin/ptree serve starts it, and the peer (yaml-language-server), all in
# one run. Prints one Markdown table on stdout, progress on stderr. Builds nothing but the
# bare-compose class. See bench/README.md ("Repository scale").
#
#   bench/repo/run.sh                          # H = 1,000 and 10,000
#   bench/repo/run.sh --hosts 1000 --runs 2    # arguments go to repobench.py
#
# Settings: PTREE_JAR (default server/target/ptree.jar), JAVA (default java; e.g. a Java 25
# for its AOT cache), BENCH_CACHE (default bench/.cache), PYTHON, NOVA_PYTHON,
# REPOBENCH_PEER=0 to leave the peer out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PYTHON=${PYTHON:-python3}
JAVA=${JAVA:-java}
jar=$(realpath -m "${PTREE_JAR:-server/target/ptree.jar}")
java=$(command -v "$JAVA" || true)
if [[ ! -f "$jar" ]]; then
    echo "repobench: $jar not found; build it with: mvn -B -q package -DskipTests" >&2
    exit 2
fi
[[ -n "$java" ]] || { echo "repobench: $JAVA not found" >&2; exit 2; }
repobench=(env PYTHONDONTWRITEBYTECODE=1 PTREE_JAR="$jar" JAVA="$java" "$PYTHON" bench/repo/repobench.py)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/repobench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
source bench/lsp/clients.sh

# The VS Code extension runs the jar it packages, with the options file beside it: lay out
# that folder as `npm run package` does (scripts/copy-jar.mjs), in the scratch folder.
vsix_server=$tmp/vscode-extension/server
mkdir -p "$vsix_server"
cp "$jar" "$vsix_server/ptree.jar"
cp bin/ptree-serve.jvmopts "$vsix_server/"
vsix_jar=$vsix_server/ptree.jar

ptree_opts='{"disabledRules":[],"severityOverrides":{}}'
servers_json() {   # the server list for repobench.py; the clients' commands are asked afresh
    local entries=() cmd
    if cmd=$(client_command vscode "$vsix_jar" "$java"); then
        entries+=("{\"name\": \"VS Code client's command\", \"cmd\": $cmd, \"init_options\": $ptree_opts}")
    else
        echo "repobench: no VS Code row" >&2
    fi
    if cmd=$(client_command neovim "$jar" "$java"); then
        entries+=("{\"name\": \"Neovim client's command\", \"cmd\": $cmd, \"init_options\": $ptree_opts}")
    else
        echo "repobench: no Neovim row" >&2
    fi
    entries+=("{\"name\": \"bin/ptree serve\", \"cmd\": [\"$PWD/bin/ptree\", \"serve\"], \"init_options\": $ptree_opts}")
    entries+=("{\"name\": \"java -jar ptree.jar serve (JVM defaults)\", \"cmd\": [\"$java\", \"-jar\", \"$jar\", \"serve\"], \"init_options\": $ptree_opts}")
    if [[ ${REPOBENCH_PEER:-1} != 0 ]]; then
        entries+=("{\"name\": \"yaml-language-server $peer_version\", \"cmd\": $(printf '%s\n' "${peer_cmd[@]}" | "$PYTHON" -c 'import json,sys; print(json.dumps(sys.stdin.read().split()))'), \"scans\": false, \"settings\": $(sed 's|"\*\*/provider_config/|"${WORKSPACE}/**/provider_config/|' "$peer_settings")}")
    fi
    local IFS=,
    echo "[${entries[*]}]"
}

if [[ ${REPOBENCH_PEER:-1} != 0 ]]; then
    source bench/lsp/peer.sh
    peer_setup "$tmp" || exit 2
fi

# First starts record the start-up caches (CDS archive / AOT cache) at exit; the measured starts
# use them, as an editor does from its second start on.
servers_json > "$tmp/warmup.json"
echo "repobench: first starts (they write the start-up caches)" >&2
"${repobench[@]}" --warmup-only --servers @"$tmp/warmup.json" "$@" >&2
servers_json > "$tmp/servers.json"

echo "Machine: $(nproc) cores, $(uname -sr), $("$java" -version 2>&1 | head -1), node $(node --version 2>/dev/null || echo -)," \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Commands measured:"
"$PYTHON" -c 'import json,sys
for s in json.load(open(sys.argv[1])):
    print("- %s: `%s`" % (s["name"], " ".join(s["cmd"])))' "$tmp/servers.json"
echo
"${repobench[@]}" --servers @"$tmp/servers.json" "$@"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
