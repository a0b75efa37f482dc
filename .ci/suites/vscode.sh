bash lsp/vscode/ci.sh
