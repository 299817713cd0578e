#!/usr/bin/env bash
# LSP benchmark: yaml-language-server (configured with nova's provider-config
# schema) and, when the jar has a `serve` command, ptree's language server, on
# the same generated files in one run. Prints one Markdown table on stdout,
# progress on stderr. Builds nothing. See bench/lsp/README.md.
#
#   bench/lsp/run.sh                      # sizes 1000,5000, 40 edits, 20 hovers
#   bench/lsp/run.sh --sizes 1000 --edits 20
#
# Extra arguments go to every lspbench.py run. Settings (environment):
#   PTREE_JAR    default server/target/ptree.jar (relative to the repo root)
#   NOVA_PYTHON  default /usr/bin/python3 (Debian's python3-nova provides the schema)
#   PYTHON       python for lspbench.py, default python3
#   JAVA         default java
#   LSPBENCH_JSON_DIR  if set, the per-server JSON results are copied there
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PYTHON=${PYTHON:-python3}
NOVA_PYTHON=${NOVA_PYTHON:-/usr/bin/python3}
JAVA=${JAVA:-java}
jar=${PTREE_JAR:-server/target/ptree.jar}
lspbench=(env PYTHONDONTWRITEBYTECODE=1 "$PYTHON" bench/lsp/lspbench.py)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lspbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- the peer: yaml-language-server, pinned in package-lock.json ------------
source bench/lsp/peer.sh
peer_setup "$tmp" || exit 2
want=$peer_version

results=()
status=0

echo "lspbench: yaml-language-server $want (node $(node --version))" >&2
if "${lspbench[@]}" --server "yaml-language-server $want" --json "$@" \
       --settings @"$peer_settings" \
       -- "${peer_cmd[@]}" > "$tmp/1-yls.json"; then
    :
else
    rc=$?
    [[ $rc -eq 3 ]] || status=1
fi
results+=("$tmp/1-yls.json")

# --- ptree's server, if the jar has `serve` ---------------------------------
ptree_opts='{"disabledRules":[],"severityOverrides":{}}'
if [[ ! -f "$jar" ]]; then
    echo "lspbench: $jar not found; skipping ptree (build it with: mvn -B -q package -DskipTests)" >&2
else
    echo "lspbench: ptree serve ($jar)" >&2
    rc=0
    "${lspbench[@]}" --server "ptree (java -jar)" --json "$@" --init-timeout 10 \
        --init-options "$ptree_opts" \
        -- "$JAVA" -jar "$jar" serve > "$tmp/2-ptree-jar.json" || rc=$?
    results+=("$tmp/2-ptree-jar.json")
    if [[ $rc -eq 3 ]]; then
        echo "lspbench: $jar does not answer 'serve' as a language server; skipping ptree" >&2
    else
        [[ $rc -eq 0 ]] || status=1
        rc=0
        jar_abs=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
        PTREE_JAR="$jar_abs" JAVA="$JAVA" "${lspbench[@]}" --server "ptree (bin/ptree)" --json "$@" \
            --init-timeout 10 --init-options "$ptree_opts" \
            -- bin/ptree serve > "$tmp/3-ptree-bin.json" || rc=$?
        [[ $rc -eq 0 || $rc -eq 3 ]] || status=1
        results+=("$tmp/3-ptree-bin.json")
        # what the editor clients start (lua/ptree/launch.lua; the VS Code extension builds the
        # same command around its packaged jar): bin/ptree-serve.jvmopts and the start-up cache
        source bench/lsp/clients.sh
        if client_cmd=$(client_command neovim "$jar_abs" "$JAVA"); then
            mapfile -t client_argv < <("$PYTHON" -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$client_cmd")
            rc=0
            "${lspbench[@]}" --server "ptree (the clients' command)" --json "$@" \
                --init-timeout 10 --init-options "$ptree_opts" \
                -- "${client_argv[@]}" > "$tmp/4-ptree-clients.json" || rc=$?
            [[ $rc -eq 0 || $rc -eq 3 ]] || status=1
            results+=("$tmp/4-ptree-clients.json")
        else
            echo "lspbench: no row for the clients' command (needs nvim)" >&2
        fi
    fi
fi

if [[ -n "${LSPBENCH_JSON_DIR:-}" ]]; then
    mkdir -p "$LSPBENCH_JSON_DIR"
    cp "${results[@]}" "$LSPBENCH_JSON_DIR"/
fi

echo
echo "Machine: $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1), node $(node --version)," \
     "yaml-language-server $want"
echo
"${lspbench[@]}" --combine "${results[@]}"
exit $status
