#!/usr/bin/env bash
# Benchmarks of carbonc against its peers, in one run, ending in a Markdown table of every figure with
# the peer's figure beside it and whether each goal of the benchmark issue is met:
#   1. whole-process wall time, cold, of `carbonc check` and `carbonc report` on examples/olmo3.carbon
#      against the Bicep CLI (a compiler for a declarative language written in C#) building a 5-line file;
#   2. in-process throughput (BenchmarkDotNet) of parse + check on generated campaigns of 1,000, 10,000
#      and 100,000 lines against Roslyn parsing the C# the same campaign lowers to, and its growth;
#   3. lowering + Roslyn compile + run for the same sizes, with allocations and whole-process peak memory;
#   4. the language server's latencies and memory, when lsp/Carbon.LanguageServer exists.
# Usage: bash tests/bench/run.sh [--runs N] [--skip-bdn]
# Everything it builds or downloads goes to build/bench/ (ignored by git); the Bicep CLI is restored
# from NuGet there and never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUNS=10
SKIP_BDN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --skip-bdn) SKIP_BDN=1; shift ;;
    *) echo "usage: bash tests/bench/run.sh [--runs N] [--skip-bdn]" >&2; exit 2 ;;
  esac
done

OUT=build/bench
BICEP_VERSION=0.49.2
SIZES=(1000 10000 100000)
mkdir -p "$OUT"
ROWS="$OUT/rows.md"
: > "$ROWS"
log() { echo "== $*" >&2; }

# One table row: figure, ours, peer, ratio or growth, goal, met.
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >> "$ROWS"; }

# ---------------------------------------------------------------------------------------------------
log "publishing carbonc (ReadyToRun) to $OUT/carbonc"
dotnet publish compiler/Carbon.Cli -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$OUT/carbonc" >"$OUT/publish.log" 2>&1 || { cat "$OUT/publish.log" >&2; exit 1; }
CARBONC="$OUT/carbonc/carbonc"

log "restoring the Bicep CLI $BICEP_VERSION from NuGet into $OUT/bicep"
mkdir -p "$OUT/bicep/restore"
cat > "$OUT/bicep/restore/restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Throw-away project: only downloads the Bicep CLI package for the benchmark. -->
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" /></ItemGroup>
</Project>
EOF
# The repository's Directory.Build.props must not apply to the throw-away project.
printf '<Project />\n' > "$OUT/bicep/restore/Directory.Build.props"
dotnet restore "$OUT/bicep/restore/restore.csproj" --packages "$OUT/bicep/packages" >"$OUT/bicep/restore.log" 2>&1 \
  || { cat "$OUT/bicep/restore.log" >&2; exit 1; }
BICEP="$OUT/bicep/packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"
chmod +x "$BICEP"
cat > "$OUT/bicep/main.bicep" <<'EOF'
param location string = 'westeurope'
param prefix string = 'carbon'
var name = '${prefix}-${uniqueString(resourceGroup().id)}'
output storageName string = name
output where string = location
EOF

log "building the benchmark project and generating campaigns of ${SIZES[*]} lines"
dotnet build tests/bench/Carbon.Bench -c Release >"$OUT/bench-build.log" 2>&1 || { cat "$OUT/bench-build.log" >&2; exit 1; }
BENCH=tests/bench/Carbon.Bench/bin/Release/net10.0/Carbon.Bench
for n in "${SIZES[@]}"; do
  "$BENCH" generate "$n" "$OUT/generated-$n.carbon"
done

# ---------------------------------------------------------------------------------------------------
# Whole-process timings. Cold as far as we can make it: no warm-up run, `sync` before each run (dropping
# the page cache needs privileges a CI machine may not grant).
CSV="$OUT/whole-process.csv"
declare -A MEAN
time_commands() {
  # $@: "name=command" pairs; fills MEAN[name] with the mean wall time in ms.
  local names=() cmds=() pair
  for pair in "$@"; do names+=("${pair%%=*}"); cmds+=("${pair#*=}"); done
  if command -v hyperfine >/dev/null; then
    hyperfine -N --prepare sync --runs "$RUNS" --export-csv "$CSV" "${cmds[@]}" >&2
    local i=0
    while IFS=, read -r _ mean _; do
      MEAN[${names[$i]}]=$(awk -v m="$mean" 'BEGIN { printf "%.0f", m * 1000 }')
      i=$((i + 1))
    done < <(tail -n +2 "$CSV")
  else
    echo "hyperfine not found (apt-get install -y hyperfine); timing with a shell loop" >&2
    local j k t0 t1 total
    for j in "${!cmds[@]}"; do
      total=0
      for ((k = 0; k < RUNS; k++)); do
        sync
        t0=$(date +%s%N)
        ${cmds[$j]} >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        total=$((total + t1 - t0))
      done
      MEAN[${names[$j]}]=$((total / RUNS / 1000000))
    done
  fi
}

# Peak resident memory in MiB of one run of a command, from GNU time.
peak_mib() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%.0f", $1 / 1024 }' "$OUT/time.txt"
  else
    echo "n/a"
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "yes" : "no") }'; }

log "whole process: carbonc check/report on examples/olmo3.carbon against bicep build ($RUNS cold runs each)"
time_commands \
  "check=$CARBONC check examples/olmo3.carbon" \
  "report=$CARBONC report examples/olmo3.carbon" \
  "bicep=$BICEP build $OUT/bicep/main.bicep --outfile $OUT/bicep/main.json"
r=$(ratio "${MEAN[check]}" "${MEAN[bicep]}")
row "carbonc check olmo3.carbon, wall (ms)" "${MEAN[check]}" "bicep build, 5 lines: ${MEAN[bicep]}" "${r}×" "≤ 0.3×" "$(le "$r" 0.3)"
r=$(ratio "${MEAN[report]}" "${MEAN[bicep]}")
row "carbonc report olmo3.carbon, wall (ms)" "${MEAN[report]}" "bicep build, 5 lines: ${MEAN[bicep]}" "${r}×" "≤ 0.8×" "$(le "$r" 0.8)"
bicep_peak=$(peak_mib "$BICEP" build "$OUT/bicep/main.bicep" --outfile "$OUT/bicep/main.json")
row "carbonc check olmo3.carbon, peak RSS (MiB)" "$(peak_mib "$CARBONC" check examples/olmo3.carbon)" "bicep build: $bicep_peak" "" "" ""
row "carbonc report olmo3.carbon, peak RSS (MiB)" "$(peak_mib "$CARBONC" report examples/olmo3.carbon)" "bicep build: $bicep_peak" "" "" ""

log "whole process on the generated campaigns (1 run each)"
for n in "${SIZES[@]}"; do
  for cmd in check report; do
    t0=$(date +%s%N)
    "$CARBONC" "$cmd" "$OUT/generated-$n.carbon" >/dev/null
    t1=$(date +%s%N)
    row "carbonc $cmd, $n generated lines: wall (ms) / peak RSS (MiB)" \
      "$(( (t1 - t0) / 1000000 )) / $(peak_mib "$CARBONC" "$cmd" "$OUT/generated-$n.carbon")" "" "" "" ""
  done
done

# ---------------------------------------------------------------------------------------------------
FIGURES="$OUT/figures.tsv"
if [ "$SKIP_BDN" -eq 0 ]; then
  log "in process (BenchmarkDotNet, short monitoring job): parse + check vs Roslyn parse, lower + compile + run"
  "$BENCH" --filter '*' --figures "$FIGURES" --artifacts "$OUT/BenchmarkDotNet.Artifacts" >"$OUT/bdn.log" 2>&1 \
    || { tail -50 "$OUT/bdn.log" >&2; exit 1; }
  grep -A 30 '^| Method' "$OUT/bdn.log" | grep '^|' >&2 || true
fi

if [ -f "$FIGURES" ]; then
  fig() { awk -F'\t' -v b="$1" -v n="$2" '$1 == b && $2 == n { print $3 }' "$FIGURES"; }
  alloc() { awk -F'\t' -v b="$1" -v n="$2" '$1 == b && $2 == n { printf "%.1f", $4 / 1048576 }' "$FIGURES"; }
  prev=""
  for n in "${SIZES[@]}"; do
    ours=$(fig ParseAndCheck "$n"); peer=$(fig RoslynParse "$n")
    r=$(ratio "$ours" "$peer")
    row "parse + check, $n lines (ms; MiB allocated)" "$ours; $(alloc ParseAndCheck "$n")" \
      "Roslyn parse of its C#: $peer; $(alloc RoslynParse "$n")" "${r}×" "≤ 1×" "$(le "$r" 1)"
    if [ -n "$prev" ]; then
      g=$(ratio "$ours" "$(fig ParseAndCheck "$prev")"); pg=$(ratio "$peer" "$(fig RoslynParse "$prev")")
      row "parse + check growth, $prev → $n lines" "${g}×" "Roslyn parse: ${pg}×" "" "≤ 11×" "$(le "$g" 11)"
    fi
    prev=$n
  done
  for n in "${SIZES[@]}"; do
    row "lower + Roslyn compile + run, $n lines (ms; MiB allocated)" \
      "$(fig LowerCompileRun "$n"); $(alloc LowerCompileRun "$n")" "" "" "" ""
  done
else
  log "no in-process figures ($FIGURES missing): run without --skip-bdn"
fi

# ---------------------------------------------------------------------------------------------------
LSP_OUT="$OUT/lsp.txt"
: > "$LSP_OUT"
if [ -d lsp/Carbon.LanguageServer ] && [ -d lsp/bench ]; then
  log "language server: edit-to-hints and completion latency and memory (lsp/bench)"
  dotnet build lsp/Carbon.LanguageServer -c Release >"$OUT/lsp-build.log" 2>&1 || { cat "$OUT/lsp-build.log" >&2; exit 1; }
  for n in "${SIZES[@]}"; do
    # The same generated files as above when the LSP bench reads files; its own generator otherwise.
    if grep -q -- '"--file"' lsp/bench/Program.cs; then
      args=(--file "$OUT/generated-$n.carbon")
    else
      args=(--lines "$n")
    fi
    edits=200
    [ "$n" -ge 100000 ] && edits=20
    dotnet run --project lsp/bench -c Release -- "${args[@]}" --edits "$edits" >>"$LSP_OUT" 2>&1 \
      || echo "lsp bench failed for $n lines (see above)" >>"$LSP_OUT"
  done
elif [ -d lsp/Carbon.LanguageServer ]; then
  echo "language server found but no lsp/bench project: LSP figures skipped" | tee "$LSP_OUT" >&2
else
  echo "lsp/Carbon.LanguageServer does not exist yet: LSP figures skipped" | tee "$LSP_OUT" >&2
fi

# ---------------------------------------------------------------------------------------------------
echo
echo "## Benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| figure | carbonc | peer | ratio | goal | met |"
echo "|---|---|---|---|---|---|"
cat "$ROWS"
echo
echo "Language server:"
echo
echo '```'
cat "$LSP_OUT"
echo '```'
