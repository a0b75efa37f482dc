// End-to-end test: an independent LSP client (vscode-languageserver-protocol) starts the built
// carbon-lsp over stdio, opens examples/olmo3.carbon and checks diagnostics, completion, hover and
// the inline estimates, before and after an edit that changes a number.
// Prints "lsp-e2e: N passed, M failed" and exits non-zero on failure.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  CompletionRequest,
  HoverRequest,
  InlayHintRequest,
  InlayHintRefreshRequest,
  CodeLensRefreshRequest,
  DocumentSymbolRequest,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const serverDll = process.env.CARBON_LSP_DLL
  ?? join(root, 'lsp', 'Carbon.LanguageServer', 'bin', 'Release', 'net10.0', 'carbon-lsp.dll');
const examplePath = join(root, 'examples', 'olmo3.carbon');
const uri = pathToFileURL(examplePath).href;
const text = readFileSync(examplePath, 'utf8');
const lines = text.split('\n');

let passed = 0;
let failed = 0;
function check(name, condition, detail = '') {
  if (condition) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}

const child = spawn('dotnet', [serverDll, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d.toString(); });
const exited = new Promise((res) => child.on('exit', (code) => res(code)));

const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const diagnostics = new Map();
const waiters = [];
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  diagnostics.set(`${p.uri}#${p.version}`, p);
  for (const w of waiters.splice(0)) w();
});
connection.onNotification('window/logMessage', () => {});
let refreshes = 0;
connection.onRequest(InlayHintRefreshRequest.type, () => { refreshes++; return null; });
connection.onRequest(CodeLensRefreshRequest.type, () => null);
connection.listen();

function timeout(ms, what) {
  return new Promise((_, rej) => setTimeout(() => rej(new Error(`timed out waiting for ${what}`)), ms));
}

async function diagnosticsFor(version) {
  const key = `${uri}#${version}`;
  const wait = async () => {
    while (!diagnostics.has(key)) await new Promise((res) => waiters.push(res));
    return diagnostics.get(key);
  };
  return Promise.race([wait(), timeout(60_000, `diagnostics of version ${version}`)]);
}

const position = (needle, offset = 0, from = 0) => {
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + offset };
};

const whole = { start: { line: 0, character: 0 }, end: { line: lines.length + 1, character: 0 } };
const co2eTonnes = (label) => {
  const m = /≈ ([0-9.,]+) (k?g|t|kt|Mt)CO2e/.exec(label);
  const scale = { kg: 1e-3, g: 1e-6, t: 1, kt: 1e3, Mt: 1e6 }[m[2]];
  return Number(m[1].replaceAll(',', '')) * scale;
};

try {
  const init = await Promise.race([
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(join(root, 'examples')).href,
      capabilities: { workspace: { inlayHint: { refreshSupport: true } } },
      initializationOptions: { inlineEstimates: 'inlayHints' },
      workspaceFolders: null,
    }),
    timeout(60_000, 'initialize'),
  ]);
  const caps = init.capabilities;
  check('initialize advertises completion, hover, inlay hints and incremental sync',
    caps.completionProvider && caps.hoverProvider && caps.inlayHintProvider && caps.textDocumentSync.change === 2);
  await connection.sendNotification(InitializedNotification.type, {});

  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'carbon', version: 1, text },
  });
  const first = await diagnosticsFor(1);
  check('olmo3.carbon opens without errors', first.diagnostics.every((d) => d.severity !== 1),
    JSON.stringify(first.diagnostics));

  // Completion: units after a number inside a run, accelerator-time units first.
  const afterNumber = position('gpu_time = 234_000 ', 'gpu_time = 234_000 '.length);
  const units = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: afterNumber });
  const sorted = [...units.items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label);
  check('completion after a number offers units', sorted.includes('GPU') && sorted.includes('kWh'));
  check('units of the expected dimension come first', sorted.indexOf('GPU') < sorted.indexOf('kWh'),
    sorted.slice(0, 8).join(' '));

  // Completion: properties at the start of a statement inside a site.
  const inSite = { line: lines.findIndex((l) => l.startsWith('site jupiter')) + 1, character: 2 };
  const props = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: inSite });
  const grid = props.items.find((i) => i.label === 'grid');
  check('completion in a site offers its properties with a description', grid && grid.documentation,
    JSON.stringify(grid));

  // Hover on a property: quantity, unit, dimension.
  const power = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position('power = 621', 2) });
  const powerText = power?.contents?.value ?? '';
  check('hover on power shows the value in kW/GPU and its dimension',
    powerText.includes('0.621 kW/GPU') && powerText.includes('power per accelerator'), powerText);

  // Hover on a run: energy, CO2e, water.
  const runPos = position('run final', 5, position('stage pretrain_32b').line);
  const runHover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: runPos });
  const runText = runHover?.contents?.value ?? '';
  check('hover on a run shows its energy, CO2e and water',
    runText.includes('MWh') && runText.includes('tCO2e') && runText.includes('Water'), runText.slice(0, 200));

  // Inline estimates.
  const hints = await connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole });
  const runLine = runPos.line;
  const before = hints.find((h) => h.position.line === runLine);
  check('an inlay hint ends each campaign, stage and run line', hints.length >= 20 && before,
    `${hints.length} hints`);
  check('hints read like "≈ 646.5 tCO2e · 2.51 ML"',
    hints.every((h) => /^≈ [0-9.,]+ [a-zA-Z]*CO2e · [0-9.,]+ [a-zA-Z]*L$/.test(h.label)), hints.map((h) => h.label).join(' | '));
  check('a hint sits at the end of its line', before && before.position.character === lines[runLine].replace(/\r$/, '').length);
  const campaignLine = lines.findIndex((l) => l.startsWith('campaign'));
  const campaignBefore = hints.find((h) => h.position.line === campaignLine);
  check('the campaign line has the total', !!campaignBefore);

  const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  check('the outline lists the campaign with its stages', symbols.some((s) => s.name === 'Olmo 3' && s.children.length >= 8));

  // Edit a number: 1_050_000 GPU-hours become 2_050_000.
  const at = position('1_050_000');
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '2' }],
  });
  const second = await diagnosticsFor(2);
  check('the edit publishes diagnostics for version 2 without errors', second.diagnostics.every((d) => d.severity !== 1));
  const after = await connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole });
  const runAfter = after.find((h) => h.position.line === runLine);
  check('the edited run\'s estimate changed', runAfter && runAfter.label !== before.label, `${before?.label} -> ${runAfter?.label}`);
  const ratio = co2eTonnes(runAfter.label) / co2eTonnes(before.label);
  check('its CO2e grew in proportion to the GPU-hours', Math.abs(ratio - 2_050_000 / 1_050_000) < 0.01, String(ratio));
  const campaignAfter = after.find((h) => h.position.line === campaignLine);
  check('the campaign total changed too', campaignAfter && campaignAfter.label !== campaignBefore.label);
  const hoverAfter = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: runPos });
  check('hover shows the new figures', (hoverAfter?.contents?.value ?? '').includes(runAfter.label));
  await new Promise((res) => setTimeout(res, 300));
  check('the server asked the client to refresh inlay hints', refreshes > 0);

  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await Promise.race([exited, timeout(15_000, 'exit')]);
  check('shutdown then exit ends the server with code 0', code === 0, String(code));
} catch (err) {
  failed++;
  console.log(`FAIL ${err.message}`);
  console.log(stderr.split('\n').slice(-20).join('\n'));
  child.kill();
}

connection.dispose();
console.log(`lsp-e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
