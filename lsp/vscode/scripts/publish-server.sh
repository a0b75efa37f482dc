#!/usr/bin/env bash
# Publishes the language server (lsp/Carbon.LanguageServer) into lsp/vscode/server/, where the
# extension looks for server/carbon-lsp.dll. Runs from the repository root, wherever it is checked out.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"

project="lsp/Carbon.LanguageServer/Carbon.LanguageServer.csproj"
out="lsp/vscode/server"

if [[ ! -f "$project" ]]; then
  echo "publish-server: $project does not exist (yet); nothing to publish" >&2
  exit 2
fi

rm -rf "$out"
dotnet publish "$project" -c Release -o "$out" -nologo -p:SatelliteResourceLanguages=en
if [[ ! -f "$out/carbon-lsp.dll" ]]; then
  echo "publish-server: $out/carbon-lsp.dll is missing after publish:" >&2
  echo "  the server project must build an assembly named carbon-lsp (<AssemblyName>carbon-lsp</AssemblyName>)" >&2
  ls "$out" >&2 || true
  exit 1
fi
# Debug symbols and XML docs are not needed at run time.
find "$out" \( -name '*.pdb' -o -name '*.xml' \) -delete
echo "publish-server: published $(du -sh "$out" | cut -f1) to $out"
