// Tests of the client's pure parts: the report's Markdown rendering and how the server command is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs } from './load-ts.mjs';

const md = await loadTs('src/markdown.ts');
const sc = await loadTs('src/serverCommand.ts');

test('markdown: headings, tables with alignment, lists, code and escaping', () => {
  const html = md.renderMarkdown([
    '# Footprint of "Olmo 3"',
    '',
    'Total **646.5 tCO2e**, see `carbon report` <script>x</script>.',
    '',
    '| run | energy | CO2e |',
    '|:---|---:|:---:|',
    '| final | 1.95 GWh | 646.5 tCO2e |',
    '',
    '- one',
    '- two',
    '',
    '```',
    'a < b',
    '```',
  ].join('\n'));
  assert.match(html, /<h1>Footprint of &quot;Olmo 3&quot;<\/h1>/);
  assert.match(html, /<strong>646\.5 tCO2e<\/strong>/);
  assert.match(html, /<code>carbon report<\/code>/);
  assert.ok(!html.includes('<script>'), 'raw HTML is escaped');
  assert.match(html, /<th class="align-left">run<\/th><th class="align-right">energy<\/th>/);
  assert.match(html, /<td class="align-center">646\.5 tCO2e<\/td>/);
  assert.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
  assert.match(html, /<pre><code>a &lt; b<\/code><\/pre>/);
  assert.ok(!/style=/.test(html), 'no inline style attributes (the panel CSP forbids them)');
});

test('markdown: links render as text, loading nothing', () => {
  const html = md.renderMarkdown('see [the docs](https://example.org/x) and ![img](https://example.org/i.png)');
  assert.ok(!/<a |<img /.test(html));
  assert.match(html, /<span class="link" title="https:\/\/example\.org\/x">the docs<\/span>/);
});

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'carbon-client-test-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'ext', 'server'), { recursive: true });
  return { dir, bin, ext: join(dir, 'ext') };
}

test('server: the bundled dll runs with dotnet from PATH', () => {
  const f = fixture();
  try {
    writeFileSync(join(f.ext, 'server', 'carbon-lsp.dll'), '');
    writeFileSync(join(f.bin, 'dotnet'), '#!/bin/sh\n');
    chmodSync(join(f.bin, 'dotnet'), 0o755);
    const cmd = sc.resolveServerCommand({ serverPath: '', dotnetPath: '' }, f.ext, undefined, { PATH: f.bin });
    assert.equal(cmd.command, join(f.bin, 'dotnet'));
    assert.deepEqual(cmd.args, [join(f.ext, 'server', 'carbon-lsp.dll')]);
    assert.equal(cmd.viaDotnet, true);
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('server: a missing bundled server says how to fix it', () => {
  const f = fixture();
  try {
    assert.throws(
      () => sc.resolveServerCommand({ serverPath: '', dotnetPath: '' }, f.ext, undefined, { PATH: f.bin }),
      (err) => err instanceof sc.ServerSetupError && /carbon\.server\.path/.test(err.fix),
    );
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('server: a dll without dotnet asks for .NET 10', () => {
  const f = fixture();
  try {
    writeFileSync(join(f.ext, 'server', 'carbon-lsp.dll'), '');
    const env = { PATH: f.bin, DOTNET_ROOT: join(f.dir, 'none') };
    assert.throws(
      () => sc.resolveServerCommand({ serverPath: '', dotnetPath: join(f.dir, 'nodotnet') }, f.ext, undefined, env),
      (err) => err instanceof sc.ServerSetupError && /\.NET 10/.test(err.fix),
    );
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('server: carbon.server.path to an executable, relative to the workspace', () => {
  const f = fixture();
  try {
    writeFileSync(join(f.bin, 'carbon-lsp'), '#!/bin/sh\n');
    chmodSync(join(f.bin, 'carbon-lsp'), 0o755);
    const cmd = sc.resolveServerCommand({ serverPath: 'bin/carbon-lsp', dotnetPath: '' }, f.ext, f.dir, {});
    assert.equal(cmd.command, join(f.bin, 'carbon-lsp'));
    assert.deepEqual(cmd.args, []);
    assert.equal(cmd.viaDotnet, false);
    assert.throws(
      () => sc.resolveServerCommand({ serverPath: 'bin/nope', dotnetPath: '' }, f.ext, f.dir, {}),
      (err) => err instanceof sc.ServerSetupError && /not found/.test(err.message),
    );
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});
