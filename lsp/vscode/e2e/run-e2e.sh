#!/usr/bin/env bash
# End-to-end test of the Carbon footprint extension in a real VS Code (code-server 4.100.3), driven by
# headless Chromium (puppeteer-core). Everything listens on and talks to 127.0.0.1 only.
#
#   bash lsp/vscode/e2e/run-e2e.sh
#
# Environment: E2E_VSIX (test this .vsix instead of building one), E2E_OUT (screenshots and logs,
# default lsp/vscode/.e2e-out), E2E_SAMPLE (the .carbon file to open, default examples/olmo3.carbon),
# E2E_CACHE (default lsp/vscode/.e2e-cache), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail

start_time=$SECONDS
e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext_dir="$(cd "$e2e_dir/.." && pwd)"
root="$(cd "$ext_dir/../.." && pwd)"
out="${E2E_OUT:-$ext_dir/.e2e-out}"
cache="${E2E_CACHE:-$ext_dir/.e2e-cache}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$out" "$cache"
out="$(cd "$out" && pwd)"
cache="$(cd "$cache" && pwd)"
rm -f "$out"/*.png "$out"/*.log

say() { echo "[run-e2e $((SECONDS - start_time))s] $*"; }
fail() {
  echo "e2e: FAILED: $*" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
}

# ---- system packages (Debian) ------------------------------------------------------------------
apt_packages=(chromium libkrb5-dev pkg-config libsecret-1-dev libxkbfile-dev libx11-dev ripgrep unzip)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  say "installing Debian packages: ${missing[*]}"
  [[ $(id -u) -eq 0 ]] || fail "missing packages ${missing[*]}; run as root or: apt-get install -y ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! compgen -G '/var/lib/apt/lists/*_Packages' > /dev/null; then
    apt-get update -q
  fi
  if ! apt-get install -y -q "${missing[@]}"; then
    apt-get update -q
    apt-get install -y -q "${missing[@]}" || fail "apt-get install ${missing[*]} failed"
  fi
fi
[[ -x "$chromium" ]] || fail "Chromium not found at $chromium"

# ---- code-server, puppeteer-core, the extension --------------------------------------------------
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
bash "$e2e_dir/install-code-server.sh" "$cache" || fail "installing code-server failed"
cs_dir="$cache/code-server-4.100.3"
cs=(node "$cs_dir/node_modules/code-server/out/node/entry.js")

if [[ ! -d "$e2e_dir/node_modules/puppeteer-core" ]]; then
  say "installing puppeteer-core"
  (cd "$e2e_dir" && npm ci --ignore-scripts) || fail "npm ci in lsp/vscode/e2e failed"
fi

vsix="${E2E_VSIX:-}"
if [[ -z "$vsix" ]]; then
  say "building the extension"
  if [[ ! -d "$ext_dir/node_modules" ]]; then
    (cd "$ext_dir" && npm ci --ignore-scripts) || fail "npm ci in lsp/vscode failed"
  fi
  (cd "$ext_dir" && bash scripts/package.sh) || fail "packaging the extension failed"
  vsix="$ext_dir/carbon-lang-$(node -p "require('$ext_dir/package.json').version").vsix"
fi
[[ -f "$vsix" ]] || fail "no .vsix at $vsix"
if unzip -l "$vsix" | grep -q 'extension/server/carbon-lsp.dll'; then
  say "$(basename "$vsix") bundles the language server"
else
  say "WARNING: $(basename "$vsix") has no bundled language server: the language features will fail"
fi

# ---- a throw-away workspace and profile ---------------------------------------------------------
sample="${E2E_SAMPLE:-$root/examples/olmo3.carbon}"
if [[ ! -f "$sample" ]]; then
  say "WARNING: $sample does not exist; using e2e/fixture.carbon instead"
  sample="$e2e_dir/fixture.carbon"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/carbon-e2e.XXXXXX")"
cs_pid=""
cleanup() {
  if [[ -n "$cs_pid" ]] && kill -0 "$cs_pid" 2>/dev/null; then
    kill -- "-$cs_pid" 2>/dev/null || kill "$cs_pid" 2>/dev/null || true
    sleep 1
    kill -9 -- "-$cs_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/workspace" "$work/user-data/User" "$work/extensions" "$work/xdg-config" "$work/xdg-data"
cp "$sample" "$work/workspace/$(basename "$sample")"
sample_name="$(basename "$sample")"
cat > "$work/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "editor.inlayHints.enabled": "on",
  "editor.minimap.enabled": false,
  "files.autoSave": "off",
  "chat.commandCenter.enabled": false,
  "carbon.inlineEstimates": "inlayHints"
}
JSON
if [[ "${E2E_MOCK_SERVER:-0}" == "1" ]]; then
  # Develop the driver against a stand-in server (see e2e/mock-server.mjs), not the real carbon-lsp.
  say "E2E_MOCK_SERVER=1: the extension talks to e2e/mock-server.mjs, not to carbon-lsp"
  node -e '
    const [file, server] = process.argv.slice(1);
    const fs = require("fs");
    const s = JSON.parse(fs.readFileSync(file, "utf8"));
    s["carbon.server.path"] = server;
    fs.writeFileSync(file, JSON.stringify(s, null, 2));
  ' "$work/user-data/User/settings.json" "$e2e_dir/mock-server.mjs"
fi

# Keep code-server's own files and any gallery look-up on this machine: the gallery points at a
# closed loopback port.
export XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data"
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'
export CS_DISABLE_FILE_DOWNLOADS=1

say "installing $(basename "$vsix") into code-server"
"${cs[@]}" --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" \
  --install-extension "$vsix" --force > "$out/install-extension.log" 2>&1 \
  || { cat "$out/install-extension.log" >&2; fail "code-server --install-extension failed"; }
ls "$work/extensions" | grep -q '^carbon-tools\.carbon-lang-' || fail "the extension is not in the extensions folder"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start_code_server() {
  local port="$1"
  cat > "$work/config.yaml" <<YAML
bind-addr: 127.0.0.1:$port
auth: none
cert: false
YAML
  setsid "${cs[@]}" --config "$work/config.yaml" --user-data-dir "$work/user-data" \
    --extensions-dir "$work/extensions" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    "$work/workspace" >> "$out/code-server.log" 2>&1 &
  cs_pid=$!
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    if node -e "fetch('http://127.0.0.1:$port/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
      return 0
    fi
    kill -0 "$cs_pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

stop_code_server() {
  if [[ -n "$cs_pid" ]]; then
    kill -- "-$cs_pid" 2>/dev/null || true
    wait "$cs_pid" 2>/dev/null || true
    cs_pid=""
  fi
}

rc=1
for attempt in 1 2; do
  port="$(free_port)"
  say "starting code-server on 127.0.0.1:$port (attempt $attempt)"
  if ! start_code_server "$port"; then
    say "code-server did not become ready; see $out/code-server.log"
    stop_code_server
    rc=3
    continue
  fi
  say "code-server ready; driving Chromium"
  rc=0
  CS_URL="http://127.0.0.1:$port/" WORKSPACE="$work/workspace" SAMPLE="$sample_name" OUT="$out" \
    CHROMIUM="$chromium" node "$e2e_dir/driver.mjs" || rc=$?
  stop_code_server
  if [[ $rc -ne 3 ]]; then break; fi
  say "the workbench did not come up; retrying once"
done

say "done in $((SECONDS - start_time))s; screenshots and logs in $out"
if [[ $rc -eq 3 ]]; then
  fail "code-server or the workbench did not start (twice); see $out/code-server.log"
fi
exit "$rc"
