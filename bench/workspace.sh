#!/usr/bin/env bash
# The workspace snapshot at scale (issue: tree files and the live model): one provider tree
# file of 50,000 providers bound to a 10-file config set. Prints build time, the time of a
# one-document update (a config file; the tree file) and the heap the snapshot holds.
#   BENCH_PROVIDERS (default 50000), BENCH_RUNS (default 5), BENCH_CACHE (default bench/.cache),
#   JAVA, JAVA_OPTS (default -Xmx4g).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${BENCH_PROVIDERS:-50000}
CACHE=${BENCH_CACHE:-bench/.cache}/workspace-$N
JAVA=${JAVA:-java}
if [ ! -f "$CACHE/host.ptree.yaml" ]; then
  python3 bench/gen_workspace.py "$CACHE" --providers "$N"
fi
if [ ! -f server/target/ptree.jar ] || [ ! -d server/target/test-classes/dev/ptree/bench ]; then
  mvn -B -q -ntp test-compile package -DskipTests
fi
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:--Xmx4g} -cp server/target/ptree.jar:server/target/test-classes \
  dev.ptree.bench.WorkspaceBench "$CACHE" "${BENCH_RUNS:-5}"
