#!/usr/bin/env bash
# What an editor asks after each edit besides diagnostics: inlay hints of a screenful and the code
# lenses of a whole document, on the workspace of bench/workspace.sh (one provider tree of N
# providers bound to a 10-file config set). Prints one table of medians, p90 and spread.
#   BENCH_PROVIDERS (default 50000), BENCH_EDITS (default 40), BENCH_CACHE (default bench/.cache),
#   JAVA, JAVA_OPTS (default -Xmx4g).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${BENCH_PROVIDERS:-50000}
CACHE=${BENCH_CACHE:-bench/.cache}/workspace-$N
JAVA=${JAVA:-java}
if [ ! -f "$CACHE/host.ptree.yaml" ]; then
  python3 bench/gen_workspace.py "$CACHE" --providers "$N"
fi
if [ ! -f server/target/ptree.jar ] || [ ! -f server/target/test-classes/dev/ptree/bench/EditorFeaturesBench.class ]; then
  mvn -B -q -ntp test-compile package -DskipTests
fi
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:--Xmx4g} -cp server/target/ptree.jar:server/target/test-classes \
  dev.ptree.bench.EditorFeaturesBench "$CACHE" "${BENCH_EDITS:-40}"
