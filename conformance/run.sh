#!/usr/bin/env bash
# Conformance: does `ptree check` report an error exactly where the real
# nova (python3-nova) refuses or crashes on a provider_config directory, or
# Placement (python3-placement) would reject what nova sends?
#
#   conformance/run.sh                 # every case under test-fixtures/conformance/
#   conformance/run.sh DIR [DIR...]    # a subset (each DIR = one nova config dir)
#
# Then, without DIR arguments, merge_conformance.py: generated trees and config sets, and the
# fixed cases, through nova's real ResourceTracker._merge_provider_configs.
#
# Builds nothing. Environment:
#   PTREE_JAR     ptree jar (default: server/target/ptree.jar under the repo root)
#   NOVA_PYTHON   interpreter with python3-nova/python3-placement (/usr/bin/python3)
#   JAVA          java binary (default: java)
#   JOBS          parallel ptree runs (default: number of CPUs)
#   PTREE_TIMEOUT seconds per ptree run (default: 60)
#   MERGE_N       generated merge scenarios (default: 1000)
# Exit: 0 all agree, 1 some disagree, 2 setup problem.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
py=${NOVA_PYTHON:-/usr/bin/python3}
jar=${PTREE_JAR:-$root/server/target/ptree.jar}
java=${JAVA:-java}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
timeout_s=${PTREE_TIMEOUT:-60}

die() { echo "conformance: $*" >&2; exit 2; }

if [ "$#" -gt 0 ]; then
    cases=("$@")
else
    cases=()
    for d in "$root"/test-fixtures/conformance/*/; do
        [ -d "$d" ] && cases+=("${d%/}")
    done
fi
[ "${#cases[@]}" -gt 0 ] || die "no case directories found"
for d in "${cases[@]}"; do
    [ -d "$d" ] || die "not a directory: $d"
done

[ -f "$jar" ] || die "ptree jar not found at $jar
  build it first (mvn -q -DskipTests package) or set PTREE_JAR=/path/to/ptree.jar"
command -v "$java" >/dev/null 2>&1 || die "java not found (set JAVA=...)"
[ -x "$py" ] || die "$py not found; NOVA_PYTHON must point to a python with python3-nova and python3-placement"
"$py" -c 'import nova.compute.provider_config, placement.handlers.inventory' 2>/dev/null \
    || die "$py cannot import nova/placement (apt-get install python3-nova python3-placement)"

work=$(mktemp -d "${TMPDIR:-/tmp}/ptree-conformance.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$work"' EXIT

# 1. nova + placement reference, one interpreter for all cases
"$py" "$here/nova_reference.py" "${cases[@]}" >"$work/nova.jsonl" 2>"$work/nova.err" \
    || { cat "$work/nova.err" >&2; die "nova_reference.py failed"; }

# 2. ptree, one JVM per case, $jobs at a time
run_one() {  # index dir
    timeout "$timeout_s" "$java" -jar "$jar" check --format json "$2" \
        >"$work/$1.out" 2>"$work/$1.err" </dev/null
    echo $? >"$work/$1.rc"
}
i=0
for d in "${cases[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    run_one "$i" "$d" &
    i=$((i + 1))
done
wait

# 3. compare
"$py" "$here/compare.py" "$work"
loader=$?

# 4. the merge: generated scenarios and the fixed cases through nova's real merge (a subset
# of case directories skips it; MERGE_N sets the number of generated scenarios)
merge=0
if [ "$#" -eq 0 ]; then
    PTREE_JAR="$jar" JAVA="$java" "$py" "$here/merge_conformance.py" --quiet --n "${MERGE_N:-1000}"
    merge=$?
fi
[ "$loader" -eq 0 ] && [ "$merge" -eq 0 ] && exit 0
[ "$loader" -eq 2 ] || [ "$merge" -eq 2 ] && exit 2
exit 1
