#!/usr/bin/env bash
# Renders the Olmo 3 disclosure page in headless Chromium: the page must open offline from a file,
# show the SVG chart with its bars and the table of sources, and leave a screenshot in
# build/html-report.png. Ends with "html-render: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
check() {
  # check NAME COMMAND...: runs the command, counts and prints the outcome.
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

finish() {
  echo "html-render: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then
    browser=$b
    break
  fi
done
if [ -z "$browser" ]; then
  # CI runs as root on Debian; refresh the package lists only when the package is unknown.
  if ! apt-cache show chromium >/dev/null 2>&1; then
    apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && browser=chromium
fi
check "chromium is available" test -n "$browser"
[ -n "$browser" ] || finish

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT
mkdir -p build

check "the command line builds" dotnet build compiler/Carbon.Cli -c Release -v quiet -nologo
page="$work/olmo3.html"
check "the HTML report is written" \
  dotnet compiler/Carbon.Cli/bin/Release/net10.0/carbonc.dll report examples/olmo3.carbon --format html --output "$page"
[ -s "$page" ] || finish

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile")
dom="$work/dom.html"
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$dom" 2>"$work/dump.log"
check "chromium renders the page" test -s "$dom"

count() { grep -o "$1" "$dom" | wc -l; }
check "the DOM has the SVG chart" grep -q '<svg[^>]*class="chart"' "$dom"
check "the chart has CO2e bars" test "$(count 'class="bar co2e"')" -ge 4
check "the chart has water bars" test "$(count 'class="bar water"')" -ge 4
check "the DOM has the table of sources" grep -q '<table class="sources"' "$dom"
check "the sources table names a catalogue source" grep -q 'catalogue h100_sxm' "$dom"
check "the DOM has no script" bash -c "! grep -qi '<script' '$dom'"

shot="$PWD/build/html-report.png"
rm -f "$shot"
timeout 120 "$browser" "${flags[@]}" --window-size=1100,2400 --screenshot="$shot" "file://$page" \
  >"$work/shot.log" 2>&1
check "the screenshot is a PNG" bash -c "head -c 8 '$shot' 2>/dev/null | od -An -c | grep -q 'P   N   G'"
check "the screenshot is not blank" test "$(stat -c %s "$shot" 2>/dev/null || echo 0)" -gt 20000

finish
