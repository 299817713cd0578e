#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with Debian's real `pre-commit` in a real temporary git repository:
# a commit of a bad provider config is blocked, the fixed file commits. Offline: the hooks are
# `language: system` and run the jar built by `mvn package` through a `ptree` on PATH.
# Usage: tools/precommit-test.sh [path/to/ptree.jar]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(realpath "${1:-$repo/server/target/ptree.jar}")"
command -v pre-commit >/dev/null || { echo "precommit-test: pre-commit is not installed (apt-get install pre-commit)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "precommit-test: $jar not found; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
mkdir -p "$tmp/bin" "$HOME"
printf '#!/bin/sh\nexec java -jar "%s" "$@"\n' "$jar" > "$tmp/bin/ptree"
chmod +x "$tmp/bin/ptree"
export PATH="$tmp/bin:$PATH"
git config --global user.name "ptree test"
git config --global user.email "ptree-test@example.invalid"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hook repository: the hook definitions as they are in this working tree, committed.
hooks="$tmp/hooks"
mkdir -p "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev="$(git -C "$hooks" rev-parse HEAD)"

passed=0
failed=0
check() { # check NAME COMMAND...: counts and reports one expectation
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "not ok - $name"
  fi
}

for hook in ptree ptree-files; do
  project="$tmp/project-$hook"
  mkdir -p "$project/provider_config"
  git -C "$project" init -q
  cat > "$project/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: $hook
YAML
  (cd "$project" && pre-commit install >/dev/null)
  printf 'meta:\n  schema_version: "1.0"\nproviders:\n  - identification:\n      name: cn1\n    traits:\n      additional: [GOLD]\n' \
    > "$project/provider_config/compute.yaml"
  git -C "$project" add -A
  if (cd "$project" && git commit -q -m "bad config" > "$tmp/out" 2>&1); then
    check "$hook: a provider config with an error blocks the commit" false
  else
    check "$hook: a provider config with an error blocks the commit" grep -q "PT108" "$tmp/out"
  fi
  check "$hook: nothing was committed" test -z "$(git -C "$project" rev-list --all 2>/dev/null)"
  sed -i 's/\[GOLD\]/[CUSTOM_GOLD]/' "$project/provider_config/compute.yaml"
  git -C "$project" add -A
  check "$hook: the fixed config commits" sh -c "cd '$project' && git commit -q -m 'good config' > '$tmp/out' 2>&1"
  check "$hook: the hook ran on that commit" grep -q "ptree check" "$tmp/out"
  check "$hook: one commit in the history" test "$(git -C "$project" rev-list --count HEAD)" = 1
done

echo "precommit-test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
