#!/usr/bin/env bash
# Benchmark nova's provider-config loader against `ptree check` (DESIGN.md §7).
# Builds nothing. See bench/README.md for the settings:
#   PTREE_JAR (default server/target/ptree.jar, relative to the repo root),
#   BENCH_SIZES (default "1000 10000 50000"), BENCH_NOVA_RUNS, BENCH_PTREE_RUNS,
#   BENCH_CACHE (default bench/.cache), JAVA, NOVA_PYTHON (default /usr/bin/python3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

NOVA_PYTHON=${NOVA_PYTHON:-/usr/bin/python3}
export PTREE_JAR=${PTREE_JAR:-server/target/ptree.jar}
export NOVA_PYTHON

if ! "$NOVA_PYTHON" -c 'import nova.compute.provider_config' 2>/dev/null; then
    echo "bench: cannot import nova.compute.provider_config with $NOVA_PYTHON;" \
         "install Debian's python3-nova (apt-get install python3-nova) or set NOVA_PYTHON." >&2
    exit 2
fi
# A missing $PTREE_JAR is reported by bench.py, which then times nova only.

exec "$NOVA_PYTHON" bench/bench.py "$@"
