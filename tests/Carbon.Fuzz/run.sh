#!/usr/bin/env bash
# Fuzzes one target with AFL++ for a number of seconds: bash tests/Carbon.Fuzz/run.sh TARGET SECONDS
# TARGET is parser, checker or pipeline. Needs afl++ (Debian) and the sharpfuzz dotnet tool; see
# README.md. Prints "fuzz TARGET: N execs, C crashes, H hangs" and exits 1 when C or H is not zero.
# Findings stay in $FUZZ_WORK (default: a new temporary directory), printed at the end.
set -euo pipefail
target=${1:?usage: run.sh parser|checker|pipeline SECONDS}
seconds=${2:?usage: run.sh parser|checker|pipeline SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$(mktemp -d -t carbon-fuzz.XXXXXX)}
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install -y afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || { echo "sharpfuzz missing: dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

# One instrumented build per work directory, shared by the three targets, and a plain one to
# replay findings with: instrumented code outside afl-fuzz writes to a coverage map that is absent.
if [ ! -f "$work/bin/.instrumented" ]; then
  dotnet publish "$here/Carbon.Fuzz.csproj" -c Release -o "$work/plain" --nologo -v quiet >/dev/null
  cp -r "$work/plain" "$work/bin"
  sharpfuzz "$work/bin/Carbon.Compiler.dll" >/dev/null
  touch "$work/bin/.instrumented"
fi

out="$work/findings-$target"
rm -rf "$out"
# dotnet itself carries no AFL instrumentation (SharpFuzz instruments the compiler's IL), so the
# binary check is skipped; the time-out per input is generous because Roslyn's first compile
# in a fresh process takes about a second.
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000 \
  afl-fuzz -i "$here/corpus" -o "$out" -t 10000 -m none -V "$seconds" \
  -- dotnet "$work/bin/Carbon.Fuzz.dll" "$target" >"$work/afl-$target.log" 2>&1 || {
    echo "afl-fuzz failed; its log:" >&2; tail -30 "$work/afl-$target.log" >&2; exit 2; }

stats="$out/default/fuzzer_stats"
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
execs=$(field execs_done)
crashes=$(field saved_crashes)
hangs=$(field saved_hangs)
echo "fuzz $target: $execs execs, $crashes crashes, $hangs hangs (findings in $out/default)"
if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
  # Replay the first findings on the plain build for readable stack traces.
  find "$out/default/crashes" "$out/default/hangs" -name 'id*' | head -5 | while read -r f; do
    echo "== $f"
    timeout 60 dotnet "$work/plain/Carbon.Fuzz.dll" "$target" "$f" 2>&1 | head -15 || true
  done
  exit 1
fi
