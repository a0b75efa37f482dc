#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) into a cache folder, offline but for the npm registry.
# Usage: install-code-server.sh CACHE_DIR   (idempotent: a marker file records a finished install)
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"   # last release that runs on Node 20
cache="${1:?usage: install-code-server.sh CACHE_DIR}"
dir="$cache/code-server-$CODE_SERVER_VERSION"
marker="$dir/.installed"

if [[ -f "$marker" ]]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $dir"
  exit 0
fi

rg_bin="$(command -v rg || true)"
if [[ -z "$rg_bin" ]]; then
  echo "install-code-server: ripgrep (rg) is missing; apt-get install -y ripgrep" >&2
  exit 1
fi

echo "installing code-server $CODE_SERVER_VERSION into $dir (takes a few minutes)"
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
printf '{ "name": "code-server-cache", "private": true }\n' > package.json

export npm_config_dangerously_allow_all_scripts=true
export npm_config_nodedir=/usr
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false

npm install --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION"
# Build only the native module code-server loads (argon2); code-server's own postinstall would run a
# full `npm install` of VS Code whose install scripts download binaries, so the steps below do it by hand.
npm rebuild argon2

vs="$dir/node_modules/code-server/lib/vscode"
(
  cd "$vs"
  npm install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$rg_bin" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev)
)

touch "$marker"
echo "code-server $CODE_SERVER_VERSION installed"
