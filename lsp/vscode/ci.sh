#!/usr/bin/env bash
# CI for the VS Code extension: install, type-check, grammar and client tests, package (with the
# language server when lsp/Carbon.LanguageServer exists) and, unless CARBON_E2E=0, the end-to-end test
# in code-server. Run from anywhere: bash lsp/vscode/ci.sh
# Closes with one line "vscode: N passed, M failed" (node tests plus e2e checks); exits non-zero on failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
t0=$SECONDS
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
passed=0
failed=0
status=0

step() {
  echo "== vscode: $*"
  "$@" || { echo "vscode: FAILED: $*" >&2; status=1; return 1; }
}

if step npm ci --ignore-scripts; then
  step npm run typecheck || failed=$((failed + 1))
  if npm test 2>&1 | tee "$log"; then :; else status=1; fi
  passed=$((passed + $(grep -Eo '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  failed=$((failed + $(grep -Eo '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  if step bash scripts/package.sh; then
    echo "vscode: build, tests and package took $((SECONDS - t0))s"
    if [[ "${CARBON_E2E:-1}" != "0" ]]; then
      vsix="$PWD/carbon-lang-$(node -p "require('./package.json').version").vsix"
      if E2E_VSIX="$vsix" bash e2e/run-e2e.sh 2>&1 | tee "$log"; then :; else status=1; fi
      line="$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
      p="$(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<< "$line")"
      f="$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<< "$line")"
      passed=$((passed + ${p:-0}))
      failed=$((failed + ${f:-1}))
    fi
  else
    failed=$((failed + 1))
  fi
else
  failed=$((failed + 1))
fi

if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "vscode: done in $((SECONDS - t0))s"
echo "vscode: $passed passed, $failed failed"
exit "$status"
