// Loads the extension's TextMate grammar with vscode-textmate + vscode-oniguruma and tokenises text.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = dirname(fileURLToPath(import.meta.url));
const grammarPath = join(here, '..', 'syntaxes', 'carbon.tmLanguage.json');
export const SCOPE = 'source.carbon-footprint';

let grammarPromise;

async function loadGrammar() {
  const wasmPath = join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
  const wasm = await readFile(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== SCOPE) return null;
      const text = await readFile(grammarPath, 'utf8');
      return vsctm.parseRawGrammar(text, grammarPath);
    },
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`grammar ${SCOPE} did not load`);
  return grammar;
}

/**
 * Tokenises `text` (several lines allowed) and returns one entry per token:
 * { line, text, scopes } where scopes excludes the root scope.
 */
export async function tokenize(text) {
  grammarPromise ??= loadGrammar();
  const grammar = await grammarPromise;
  let state = vsctm.INITIAL;
  const out = [];
  text.split('\n').forEach((line, lineIndex) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      out.push({
        line: lineIndex,
        text: line.substring(t.startIndex, t.endIndex),
        scopes: t.scopes.filter((s) => s !== SCOPE),
      });
    }
    state = result.ruleStack;
  });
  return out;
}
