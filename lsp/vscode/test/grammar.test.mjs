// Grammar tests: node --test. Each asserts the scopes the TextMate grammar gives to pieces of .carbon text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.mjs';

/** Tokens whose text (trimmed) equals `text`, optionally only on line `line`. */
async function tokensOf(source, text, line) {
  const tokens = await tokenize(source);
  return tokens.filter((t) => t.text.trim() === text && (line === undefined || t.line === line));
}

/** Asserts that the token `text` in `source` exists and carries a scope starting with `scopePrefix`. */
async function assertScope(source, text, scopePrefix, line) {
  const found = await tokensOf(source, text, line);
  assert.ok(found.length > 0, `no token "${text}" in ${JSON.stringify(source)}; tokens: ${await dump(source)}`);
  for (const t of found) {
    assert.ok(
      t.scopes.some((s) => s.startsWith(scopePrefix)),
      `token "${text}" has scopes [${t.scopes.join(', ')}], expected one starting with ${scopePrefix}`,
    );
  }
}

async function assertNoScope(source, text, scopePrefix) {
  for (const t of await tokensOf(source, text)) {
    assert.ok(
      !t.scopes.some((s) => s.startsWith(scopePrefix)),
      `token "${text}" should not have ${scopePrefix}: [${t.scopes.join(', ')}]`,
    );
  }
}

async function dump(source) {
  const tokens = await tokenize(source);
  return tokens.map((t) => `${JSON.stringify(t.text)}=${t.scopes.join(' ') || '-'}`).join('  ');
}

test('declaration keywords are keywords', async () => {
  const src = [
    'import "shared/jupiter.carbon"',
    'let tdp_share = 90 %',
    'site jupiter : ai2_jupiter { pue = 1.2 }',
    'hardware mi300 { tdp = 750 W/GPU }',
    'campaign "Olmo 3" {',
    '  stage pretrain_32b : pretraining {',
    '    run final { gpu_time = 1_050_000 GPU*h }',
    '    embodied fleet { hardware = h100 }',
    '  }',
    '}',
  ].join('\n');
  await assertScope(src, 'import', 'keyword.control.import');
  const lines = { let: 1, site: 2, hardware: 3, campaign: 4, stage: 5, run: 6, embodied: 7 };
  for (const [kw, line] of Object.entries(lines)) {
    await assertScope(src, kw, 'keyword.other.declaration', line);
  }
  await assertScope(src, 'hardware', 'variable.other.property', 7);
});

test('budget keywords: budget, error, warning, model, change and metrics', async () => {
  const src = 'budget error co2e <= 4_300 tCO2e\nbudget warning model "32B" energy change <= +10 %';
  await assertScope(src, 'budget', 'keyword.other.budget');
  await assertScope(src, 'error', 'keyword.other.level');
  await assertScope(src, 'warning', 'keyword.other.level');
  await assertScope(src, 'model', 'keyword.other.scope');
  await assertScope(src, 'change', 'keyword.other.change');
  await assertScope(src, 'co2e', 'support.constant.metric');
  await assertScope(src, 'energy', 'support.constant.metric');
  await assertScope(src, '"32B"'.slice(1, -1), 'string.quoted.double');
  await assertScope(src, '<=', 'keyword.operator.comparison');
  await assertScope(src, '4_300', 'constant.numeric');
  await assertScope(src, 'tCO2e', 'keyword.other.unit');
  await assertScope(src, '10', 'constant.numeric');
  await assertScope(src, '%', 'keyword.other.unit');
});

test('keywords are reserved only where the grammar expects them', async () => {
  // `model` is a property of a stage; `site` and `hardware` are properties of a run.
  const src = 'stage s : sft { model = "7B" }\nrun final { site = jupiter  hardware = h100 }';
  await assertScope(src, 'model', 'variable.other.property');
  await assertNoScope(src, 'model', 'keyword');
  await assertScope(src, 'site', 'variable.other.property', 1);
  await assertScope(src, 'hardware', 'variable.other.property', 1);
  await assertNoScope('run final { site = jupiter }', 'site', 'keyword');
});

test('declaration names and bases', async () => {
  const src = [
    'let mean_power = 0.9 * h100.tdp',
    'site jupiter : ai2_jupiter { pue = 1.2 }',
    'hardware h100 : h100_sxm { }',
    'stage pretrain_32b : pretraining { model = "32B" }',
    'run sweep_a : development { gpus = 64 GPU  duration = 3 d }',
    'embodied fleet { hardware = h100 }',
  ].join('\n');
  await assertScope(src, 'mean_power', 'entity.name.variable.let');
  await assertScope(src, 'jupiter', 'entity.name.type.site');
  await assertScope(src, 'h100', 'entity.name.type.hardware', 2);
  await assertScope(src, 'pretrain_32b', 'entity.name.type.stage');
  await assertScope(src, 'sweep_a', 'entity.name.type.run');
  await assertScope(src, 'fleet', 'entity.name.type.embodied');
  await assertScope(src, 'ai2_jupiter', 'entity.other.inherited-class');
  await assertScope(src, 'pretraining', 'entity.other.inherited-class');
  await assertScope(src, 'development', 'entity.other.inherited-class');
});

test('property names before =', async () => {
  const src = 'run final { gpu_time = 1_050_000 GPU*h  power = 649 W/GPU }';
  await assertScope(src, 'gpu_time', 'variable.other.property');
  await assertScope(src, 'power', 'variable.other.property');
  await assertScope(src, '=', 'keyword.operator.assignment');
});

test('numbers and compound units, including GPU*h', async () => {
  const src = 'run final { gpu_time = 1_050_000 GPU*h  power = 649 W/GPU  utilisation = 57.5 % }';
  await assertScope(src, '1_050_000', 'constant.numeric');
  await assertScope(src, 'GPU*h', 'keyword.other.unit');
  await assertScope(src, '649', 'constant.numeric');
  await assertScope(src, 'W/GPU', 'keyword.other.unit');
  await assertScope(src, '57.5', 'constant.numeric');
  await assertScope(src, '%', 'keyword.other.unit');
  const more = 'let a = 8.14 cm^2\nlet b = 1.5e3 kWh\nlet c = 3_700 kgCO2e/node / h100.gpus_per_node';
  await assertScope(more, 'cm^2', 'keyword.other.unit');
  await assertScope(more, '1.5e3', 'constant.numeric');
  await assertScope(more, 'kWh', 'keyword.other.unit');
  await assertScope(more, 'kgCO2e/node', 'keyword.other.unit');
  await assertScope(more, 'gpus_per_node', 'variable.other.member');
  await assertNoScope(more, 'gpus_per_node', 'keyword.other.unit');
});

test('several properties on one line: a unit never swallows the next property name', async () => {
  const src = 'site jupiter { pue = 1.2  grid = 0.332 kgCO2e/kWh }';
  await assertScope(src, 'pue', 'variable.other.property');
  await assertScope(src, '1.2', 'constant.numeric');
  await assertScope(src, 'grid', 'variable.other.property');
  await assertNoScope(src, 'grid', 'keyword.other.unit');
  await assertScope(src, '0.332', 'constant.numeric');
  await assertScope(src, 'kgCO2e/kWh', 'keyword.other.unit');
  await assertScope(src, '{', 'punctuation.section.block.begin');
  await assertScope(src, '}', 'punctuation.section.block.end');
});

test('a unit ends at whitespace: 649 W / GPU divides by a value named GPU', async () => {
  const src = 'let p = 649 W / GPU';
  await assertScope(src, 'W', 'keyword.other.unit');
  await assertScope(src, '/', 'keyword.operator.arithmetic');
  await assertNoScope(src, 'GPU', 'keyword.other.unit');
});

test('digits inside identifiers are not numbers', async () => {
  const src = 'let x = h100.tdp';
  await assertNoScope(src, '100', 'constant.numeric');
  await assertNoScope(src, 'h100', 'constant.numeric');
});

test('strings with escapes', async () => {
  const src = 'campaign "Olmo \\"3\\" \\\\ x" { description = "a // not a comment" }';
  await assertScope(src, '\\"', 'constant.character.escape');
  await assertScope(src, '\\\\', 'constant.character.escape');
  await assertScope(src, 'a // not a comment', 'string.quoted.double');
  const tokens = await tokenize(src);
  assert.ok(!tokens.some((t) => t.scopes.some((s) => s.startsWith('comment'))), 'no comment inside a string');
});

test('line and block comments', async () => {
  const src = [
    'let x = 1 kWh // a line comment',
    '/* a block',
    '   comment over lines */ let y = 2 kWh',
  ].join('\n');
  await assertScope(src, 'a line comment', 'comment.line.double-slash');
  await assertScope(src, 'a block', 'comment.block');
  await assertScope(src, 'comment over lines', 'comment.block');
  await assertScope(src, 'y', 'entity.name.variable.let');
  await assertScope(src, '2', 'constant.numeric');
});

test('operators and punctuation', async () => {
  const src = 'let total = (1.2 + 0.3) * 10 kWh - 2 kWh;';
  await assertScope(src, '(', 'punctuation.section.parens.begin');
  await assertScope(src, ')', 'punctuation.section.parens.end');
  await assertScope(src, '+', 'keyword.operator.arithmetic');
  await assertScope(src, '*', 'keyword.operator.arithmetic');
  await assertScope(src, '-', 'keyword.operator.arithmetic');
  await assertScope(src, ';', 'punctuation.terminator');
  await assertScope(src, 'kWh', 'keyword.other.unit');
});

test('examples/olmo3.carbon tokenises cleanly', async (t) => {
  const { existsSync, readFileSync } = await import('node:fs');
  const path = new URL('../../../examples/olmo3.carbon', import.meta.url);
  if (!existsSync(path)) {
    t.skip('examples/olmo3.carbon does not exist');
    return;
  }
  const tokens = await tokenize(readFileSync(path, 'utf8'));
  const invalid = tokens.filter((x) => x.scopes.some((s) => s.startsWith('invalid')));
  assert.deepEqual(invalid, [], 'no invalid tokens');
  for (const unit of tokens.filter((x) => /^(GPU\*h|W\/GPU|kWh|kgCO2e\/kWh|L\/kWh)$/.test(x.text.trim()))) {
    assert.ok(unit.scopes.some((s) => s.startsWith('keyword.other.unit')), `unit ${unit.text} on line ${unit.line}`);
  }
  for (const prop of tokens.filter((x) => /^(gpu_time|power|facility_energy|pue|grid)$/.test(x.text.trim()))) {
    assert.ok(
      prop.scopes.some((s) => /^(variable\.other\.(property|member)|comment)/.test(s)),
      `property ${prop.text} on line ${prop.line}: ${prop.scopes.join(' ')}`,
    );
  }
});
