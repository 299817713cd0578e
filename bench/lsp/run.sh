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

# --- the peer: yaml-language-server, pinned in package-lock.json ------------
yls_dir=bench/lsp/node_modules/yaml-language-server
want=$(sed -n 's/.*"yaml-language-server": *"\([^"]*\)".*/\1/p' bench/lsp/package.json | head -1)
have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$yls_dir/package.json" 2>/dev/null | head -1 || true)
if [[ "$have" != "$want" ]]; then
    echo "lspbench: installing yaml-language-server $want (npm ci)" >&2
    (cd bench/lsp && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lspbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- nova's SCHEMA_V1, taken from the installed nova at run time ------------
schema=$tmp/nova-provider-config-v1.schema.json
if ! "$NOVA_PYTHON" -c '
import json, sys
from nova.compute import provider_config as p
json.dump(p.SCHEMA_V1, sys.stdout, indent=1)
' > "$schema" 2>"$tmp/nova.err"; then
    cat "$tmp/nova.err" >&2
    echo "lspbench: cannot import nova.compute.provider_config with $NOVA_PYTHON;" \
         "install Debian's python3-nova (apt-get install python3-nova) or set NOVA_PYTHON." >&2
    exit 2
fi

# Settings served to yaml-language-server's workspace/configuration requests
# (and sent with workspace/didChangeConfiguration). The schema store and the
# Kubernetes CRD store are off: they would fetch catalogues over the network.
"$PYTHON" - "$schema" > "$tmp/yls-settings.json" <<'EOF'
import json, sys
print(json.dumps({
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "schemas": {sys.argv[1]: "**/provider_config/*.yaml"},
        "schemaStore": {"enable": False},
        "kubernetesCRDStore": {"enable": False},
        "format": {"enable": False},
    },
    "http": {"proxy": "", "proxyStrictSSL": False},
}, indent=1))
EOF

results=()
status=0

echo "lspbench: yaml-language-server $want (node $(node --version))" >&2
if "${lspbench[@]}" --server "yaml-language-server $want" --json "$@" \
       --settings @"$tmp/yls-settings.json" \
       -- node "$yls_dir/bin/yaml-language-server" --stdio > "$tmp/1-yls.json"; then
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
