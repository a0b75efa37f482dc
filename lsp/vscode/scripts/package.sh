#!/usr/bin/env bash
# Builds carbon-lang-<version>.vsix: publishes the language server into server/ (unless
# CARBON_SKIP_SERVER=1 or the server project does not exist yet), bundles the client with esbuild
# and packages with vsce (offline; dependencies are bundled, so --no-dependencies).
set -euo pipefail

ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ext"

if [[ "${CARBON_SKIP_SERVER:-0}" == "1" ]]; then
  echo "package: CARBON_SKIP_SERVER=1, using server/ as it is"
else
  rc=0
  bash scripts/publish-server.sh || rc=$?
  if [[ $rc -eq 2 ]]; then
    echo "package: WARNING: packaging without a bundled language server" >&2
    rm -rf server
  elif [[ $rc -ne 0 ]]; then
    echo "package: publishing the language server failed" >&2
    exit $rc
  fi
fi

[[ -d node_modules ]] || npm ci --ignore-scripts --no-audit --no-fund
node scripts/build.mjs --production

version="$(node -p "require('./package.json').version")"
vsix="carbon-lang-$version.vsix"
rm -f "$vsix"
npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license --out "$vsix"
if [[ -d server ]]; then
  echo "package: $vsix includes the language server ($(ls server | wc -l) files)"
fi
echo "package: wrote lsp/vscode/$vsix"
