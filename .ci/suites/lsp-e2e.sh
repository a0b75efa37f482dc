#!/usr/bin/env bash
# End-to-end test of the language server: builds carbon-lsp in Release, installs the pinned Node
# client (vscode-languageserver-protocol) and runs lsp/e2e/e2e.mjs against the built server.
# Ends with "lsp-e2e: N passed, M failed"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

if ! dotnet build lsp/Carbon.LanguageServer/Carbon.LanguageServer.csproj -c Release -nologo -v quiet; then
  echo "lsp-e2e: 0 passed, 1 failed"
  exit 1
fi

if ! (cd lsp/e2e && npm ci --no-audit --no-fund --loglevel=error); then
  echo "lsp-e2e: 0 passed, 1 failed"
  exit 1
fi

cd lsp/e2e && node e2e.mjs
