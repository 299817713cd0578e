#!/usr/bin/env bash
# Rewrites the golden output of every rule fixture in test-fixtures/rules.
#
# Layout: <CODE>/fires/<case>.yaml (or .yml, a tree file <case>.ptree.yaml|json, or a
# directory <case>/ of config and tree files) is an input where rule <CODE> fires; <CODE>/quiet/<case> is a near miss where it
# must not. Next to each case, <case>.out is the exact stdout of
#     java -jar ../../server/target/ptree.jar check <CODE>/<kind>/<case>
# run from this directory. Review every changed .out by hand before committing it:
# a golden file records what ptree does, not what it should do.
#
# Usage: test-fixtures/rules/regenerate.sh [CODE|CODE/kind/case ...]
#   PTREE_JAR=/path/to/ptree.jar overrides the jar; JAVA overrides the java binary.
set -u
cd "$(dirname "$0")" || exit 2
JAR="${PTREE_JAR:-../../server/target/ptree.jar}"
JAVA="${JAVA:-java}"
if [ ! -f "$JAR" ]; then
  echo "regenerate.sh: no jar at $JAR (build with: mvn -q -B -o package -DskipTests)" >&2
  exit 2
fi

# Generated inputs: collection nesting is easier to write with a loop than by hand.
nest() { # nest DEPTH: DEPTH nested flow sequences around one trait-like string
  local depth=$1 open="" close="" i
  for ((i = 0; i < depth; i++)); do open+="["; close+="]"; done
  printf '%s' "${open}CUSTOM_RACK_B12${close}"
}
generated_body='  - identification:
      uuid: 52571c6c-fde3-4b9d-9ce9-890472f7283b
    traits:
      additional: [CUSTOM_RACK_B12]'
{
  echo "# PT501: 600 nested flow sequences in an ignored key; PyYAML recurses per level and nova dies with RecursionError"
  printf "meta:\n  schema_version: '1.0'\n"
  echo "x-layout: $(nest 600)"
  echo "providers:"
  echo "$generated_body"
} > PT501/fires/deep-nesting.yaml
{
  echo "# PT501 quiet: 100 nested flow sequences (twice SnakeYAML's default limit) load fine in nova"
  printf "meta:\n  schema_version: '1.0'\n"
  echo "x-layout: $(nest 100)"
  echo "providers:"
  echo "$generated_body"
} > PT501/quiet/moderate-nesting.yaml
{
  echo "# PT501 (warning): 450 nested flow sequences still load, but come close to nova's RecursionError"
  printf "meta:\n  schema_version: '1.0'\n"
  echo "x-layout: $(nest 450)"
  echo "providers:"
  echo "$generated_body"
} > PT501/fires/nesting-close-to-limit.yaml

# Every case: a *.yaml / *.yml file or a directory directly under <CODE>/fires or <CODE>/quiet.
cases=()
if [ $# -eq 0 ]; then
  set -- PT*
fi
for arg in "$@"; do
  arg="${arg%/}"
  case "$arg" in
    */fires/* | */quiet/*) cases+=("$arg") ;;
    *)
      for kind in fires quiet; do
        for c in "$arg/$kind"/*; do
          [ -e "$c" ] || continue
          case "$c" in
            *.out) ;;
            *.yaml | *.yml | *.json) cases+=("$c") ;;
            *) [ -d "$c" ] && cases+=("$c") ;;
          esac
        done
      done
      ;;
  esac
done

status=0
for c in "${cases[@]}"; do
  out="${c%.yaml}"
  out="${out%.yml}"
  out="${out%.json}.out"
  err="$(mktemp)"
  "$JAVA" -jar "$JAR" check "$c" > "$out" 2> "$err"
  rc=$?
  if [ -s "$err" ] || [ "$rc" -gt 1 ]; then
    echo "regenerate.sh: $c: exit $rc" >&2
    sed 's/^/    /' "$err" >&2
    status=1
  fi
  rm -f "$err"
done
echo "regenerate.sh: ${#cases[@]} cases" >&2
exit $status
