#!/usr/bin/env bash
# CI for the VS Code extension: install, type-check, grammar and client tests, package (with the
# language server when lsp/Carbon.LanguageServer exists) and, unless CARBON_E2E=0, the end-to-end test
# in code-server. Run from anywhere: bash lsp/vscode/ci.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
t0=$SECONDS
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

npm ci --ignore-scripts
npm run typecheck
npm test
bash scripts/package.sh
echo "vscode-extension: build, tests and package took $((SECONDS - t0))s"

if [[ "${CARBON_E2E:-1}" != "0" ]]; then
  vsix="$PWD/carbon-lang-$(node -p "require('./package.json').version").vsix"
  E2E_VSIX="$vsix" bash e2e/run-e2e.sh
fi
echo "vscode-extension: done in $((SECONDS - t0))s"
