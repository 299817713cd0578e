#!/usr/bin/env bash
# Every test of the project, on a fresh Debian machine as on a developer's: installs the Debian
# packages the tests need when they are missing (tools/deps.sh test), then runs the unit, golden
# and server tests (Maven), the conformance run against nova's real loader, the VS Code
# extension's unit tests, the language server in a real Neovim, the extension in a real VS Code
# (code-server in chromium), and the pre-commit hooks with the real pre-commit.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh test
mvn -B -ntp -T 1C verify
bash conformance/run.sh
(cd client-vscode && npm ci --no-audit --no-fund && npm test)
bash client-neovim/test/e2e.sh
bash client-vscode/e2e/run.sh
bash tools/precommit-test.sh
