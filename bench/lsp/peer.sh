# The peer language server, yaml-language-server configured with nova's provider-config schema.
# Sourced by bench/lsp/run.sh and bench/repo/run.sh (from the repository root):
#   peer_setup TMPDIR   installs the pinned version if node_modules lacks it (npm ci), writes nova's
#                       SCHEMA_V1 and the settings file to TMPDIR; sets peer_version, peer_cmd
#                       (an array) and peer_settings (a file). Returns 2 if nova's schema is missing.
# Settings: PYTHON (default python3), NOVA_PYTHON (default /usr/bin/python3).
peer_setup() {
    local tmp=$1 python=${PYTHON:-python3} nova_python=${NOVA_PYTHON:-/usr/bin/python3}
    local dir=$PWD/bench/lsp/node_modules/yaml-language-server have
    peer_version=$(sed -n 's/.*"yaml-language-server": *"\([^"]*\)".*/\1/p' bench/lsp/package.json | head -1)
    have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$dir/package.json" 2>/dev/null | head -1 || true)
    if [[ "$have" != "$peer_version" ]]; then
        echo "installing yaml-language-server $peer_version (npm ci)" >&2
        (cd "$PWD/bench/lsp" && npm ci --no-audit --no-fund --loglevel=error >&2)
    fi
    peer_cmd=(node "$dir/bin/yaml-language-server" --stdio)

    # nova's SCHEMA_V1, taken from the installed nova at run time
    local schema=$tmp/nova-provider-config-v1.schema.json
    if ! "$nova_python" -c '
import json, sys
from nova.compute import provider_config as p
json.dump(p.SCHEMA_V1, sys.stdout, indent=1)
' > "$schema" 2>"$tmp/nova.err"; then
        cat "$tmp/nova.err" >&2
        echo "cannot import nova.compute.provider_config with $nova_python;" \
             "install Debian's python3-nova (apt-get install python3-nova) or set NOVA_PYTHON." >&2
        return 2
    fi

    # Settings served to yaml-language-server's workspace/configuration requests
    # (and sent with workspace/didChangeConfiguration). The schema store and the
    # Kubernetes CRD store are off: they would fetch catalogues over the network.
    peer_settings=$tmp/yls-settings.json
    "$python" - "$schema" > "$peer_settings" <<'PY'
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
PY
}
