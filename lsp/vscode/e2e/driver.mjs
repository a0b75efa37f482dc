// Drives code-server (VS Code in the browser) with headless Chromium through puppeteer-core and checks
// the Carbon footprint extension end to end. Started by run-e2e.sh, which sets the environment:
//   CS_URL      http://127.0.0.1:PORT/ of a running code-server (loopback only)
//   WORKSPACE   the throw-away workspace folder opened in code-server
//   SAMPLE      the file name of the .carbon file inside WORKSPACE
//   OUT         folder for screenshots and the browser log
//   CHROMIUM    the Chromium executable (default /usr/bin/chromium)
// Exit codes: 0 all checks passed, 1 a check failed, 3 the workbench did not come up (worth a retry).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`driver: ${name} is not set`);
  return v;
};
const CS_URL = env('CS_URL');
const WORKSPACE = env('WORKSPACE');
const SAMPLE = env('SAMPLE');
const OUT = env('OUT');
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 60_000);
// Also check the commands carbon.showReport and carbon.showGeneratedCSharp (E2E_COMMANDS=1).
const CHECK_COMMANDS = process.env.E2E_COMMANDS === '1';

const url = new URL(CS_URL);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  throw new Error(`driver: refusing to drive ${CS_URL}: only loopback addresses are allowed`);
}

mkdirSync(OUT, { recursive: true });
const browserLog = join(OUT, 'browser-console.log');
writeFileSync(browserLog, '');
const sampleText = readFileSync(join(WORKSPACE, SAMPLE), 'utf8');
const sampleLines = sampleText.split('\n');
const t0 = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class SetupError extends Error {}

/** Polls `fn` until it returns a truthy value or the time runs out; returns the last value. */
async function waitFor(fn, { timeout = STEP_TIMEOUT, interval = 500 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
    } catch (err) {
      last = undefined;
      if (Date.now() >= end) throw err;
    }
    if (last) return last;
    if (Date.now() >= end) return last;
    await sleep(interval);
  }
}

const results = [];
let shot = 0;
async function screenshot(page, name) {
  shot++;
  const file = join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file });
    log(`screenshot ${file}`);
  } catch (err) {
    log(`screenshot ${name} failed: ${err.message}`);
  }
}

async function check(page, name, fn) {
  const start = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)${detail ? `: ${detail}` : ''}`);
    await screenshot(page, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  } catch (err) {
    results.push({ name, ok: false, error: err.message });
    log(`FAIL ${name} (${((Date.now() - start) / 1000).toFixed(1)}s): ${err.message}`);
    await screenshot(page, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  }
}

// ---- page helpers -------------------------------------------------------------------------

const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');

/** The text of the visible lines of the active editor, inlay hints included. */
async function editorText(page) {
  return norm(await page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines')
      ?? document.querySelector('.monaco-editor .view-lines');
    return editor ? editor.innerText : '';
  }));
}

/**
 * Inline estimates in the editor: rendered lines that are no line of the sample (an inlay hint makes
 * its line differ from the source) and code lenses, each kept only if it contains `needle`.
 */
async function inlineEstimates(page, needle) {
  const { lines, lenses } = await page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor')
      ?? document.querySelector('.monaco-editor');
    if (!editor) return { lines: [], lenses: [] };
    return {
      lines: [...editor.querySelectorAll('.view-lines .view-line')].map((e) => e.innerText),
      lenses: [...editor.querySelectorAll('.codelens-decoration')].map((e) => e.textContent ?? ''),
    };
  });
  const source = new Set(sampleLines.map((l) => l.replace(/\s+$/, '')));
  const hinted = lines.map((l) => norm(l).replace(/\s+$/, '')).filter((l) => !source.has(l));
  return [...hinted, ...lenses.map(norm)].filter((l) => l.includes(needle));
}

async function statusBarText(page, id) {
  return norm(await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', `[id="${id}"]`));
}

async function focusEditor(page) {
  const box = await page.$('.editor-group-container.active .monaco-editor .view-lines');
  if (box) {
    const b = await box.boundingBox();
    if (b) await page.mouse.click(b.x + b.width - 20, b.y + 5);
  }
}

async function chord(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
}

/** Moves the cursor with Go to Line (Ctrl+G) to 1-based line:column. */
async function goTo(page, line, column) {
  await chord(page, 'Control', 'g');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await sleep(300);
  await page.keyboard.press('Enter');
  await sleep(400);
}

async function escape(page, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Escape');
    await sleep(150);
  }
}

/** Rows of the Problems panel, as their accessible labels (fall back to their text). */
async function problems(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.markers-panel');
    if (!panel) return null;
    return [...panel.querySelectorAll('.monaco-list-row')]
      .map((r) => (r.getAttribute('aria-label') || r.textContent || '').trim())
      .filter((t) => t.length > 0);
  });
}

async function openProblems(page) {
  await chord(page, 'Control', 'Shift', 'm');
  await page.waitForSelector('.markers-panel', { timeout: 10_000 });
  await sleep(300);
}

/** Index (0-based) of the first line matching `re`, and the column just after its `{`. */
function findBlock(re) {
  const line = sampleLines.findIndex((l) => re.test(l));
  if (line < 0) return undefined;
  const brace = sampleLines[line].indexOf('{');
  return { line: line + 1, column: brace + 2 };
}

/** Runs a command from the command palette (F1) by its title. */
async function runCommand(page, title) {
  await focusEditor(page);
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { visible: true, timeout: 10_000 });
  await page.keyboard.type(title);
  await waitFor(async () => page.evaluate((t) =>
    [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
      .some((r) => (r.textContent ?? '').includes(t)), title), { timeout: 10_000 });
  await page.keyboard.press('Enter');
}

// ---- the run ------------------------------------------------------------------------------

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'carbon-e2e-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    defaultViewport: { width: 1600, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--user-data-dir=${profile}`,
      // Resolve no host name but loopback: nothing leaves this machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--window-size=1600,1000',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => appendFileSync(browserLog, `[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => appendFileSync(browserLog, `[pageerror] ${e.message}\n`));
    // Belt and braces: abort any request that is not for the loopback code-server.
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = req.url();
      if (/^(data|blob|about|vscode-[a-z-]+):/.test(u)) return void req.continue();
      try {
        const host = new URL(u).hostname;
        if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host.endsWith('.localhost')) {
          return void req.continue();
        }
      } catch {
        // fall through
      }
      appendFileSync(browserLog, `[blocked] ${u}\n`);
      return void req.abort();
    });

    // Setup: the workbench comes up and the sample opens in the carbon-footprint language.
    const target = new URL(CS_URL);
    target.searchParams.set('folder', WORKSPACE);
    log(`opening ${target.href}`);
    try {
      await page.goto(target.href, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 90_000 });
    } catch (err) {
      await screenshot(page, 'FAILED-workbench');
      throw new SetupError(`the workbench did not load: ${err.message}`);
    }
    log('workbench loaded');
    await sleep(2000);
    await escape(page, 2);
    await chord(page, 'Control', 'p');
    await page.waitForSelector('.quick-input-widget input', { visible: true, timeout: 20_000 });
    await page.keyboard.type(SAMPLE);
    await waitFor(async () => page.evaluate((name) =>
      [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
        .some((r) => (r.textContent ?? '').includes(name)), SAMPLE), { timeout: 20_000 });
    await page.keyboard.press('Enter');
    const opened = await waitFor(async () => {
      const tab = await page.evaluate(() => document.querySelector('.tab.active')?.textContent ?? '');
      return tab.includes(SAMPLE) && (await editorText(page)).trim().length > 0;
    }, { timeout: 30_000 });
    if (!opened) {
      await screenshot(page, 'FAILED-open');
      throw new SetupError(`${SAMPLE} did not open in an editor`);
    }
    log(`${SAMPLE} opened`);
    await sleep(1500);

    await check(page, 'language mode is Carbon footprint', async () => {
      const mode = await waitFor(async () => {
        const t = await statusBarText(page, 'status.editor.mode');
        return t.includes('Carbon footprint') ? t : undefined;
      }, { timeout: 20_000 });
      if (!mode) {
        throw new Error(`status bar language mode is "${await statusBarText(page, 'status.editor.mode')}"`);
      }
      return `status bar shows "${mode.trim()}"`;
    });

    await check(page, 'syntax colouring', async () => {
      const info = await page.evaluate(() => {
        const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
        if (!lines) return { classes: [], colours: [] };
        const spans = [...lines.querySelectorAll('span[class^="mtk"]')];
        const classes = new Set(spans.map((s) => s.className.split(' ').find((c) => /^mtk\d+$/.test(c))));
        const colours = new Set(spans.map((s) => getComputedStyle(s).color));
        return { classes: [...classes], colours: [...colours] };
      });
      if (info.colours.length < 4) {
        throw new Error(`only ${info.colours.length} token colours in the editor (${info.colours.join(', ')})`);
      }
      return `${info.colours.length} distinct token colours`;
    });

    // (1) Inline estimates: inlay hints (or code lenses) carrying tCO2e.
    await check(page, 'inline estimates show tCO2e', async () => {
      const run = findBlock(/^\s*run\s+\w+/);
      if (run) await goTo(page, run.line, 1);
      const found = await waitFor(async () => {
        const hints = await inlineEstimates(page, 'tCO2e');
        return hints.length > 0 ? hints : undefined;
      }, { timeout: STEP_TIMEOUT });
      if (!found) throw new Error('no inlay hint or code lens containing "tCO2e" appeared in the editor');
      const at = found[0].indexOf('tCO2e');
      return `${found.length} lines, e.g. "…${found[0].slice(Math.max(0, at - 40), at + 30)}…"`;
    });

    // (2) Completion inside a run block lists run properties.
    await check(page, 'completion in a run block', async () => {
      const run = findBlock(/^\s*run\s+\w+[^{]*\{/);
      if (!run) throw new Error(`no "run ... {" line in ${SAMPLE}`);
      await goTo(page, run.line, run.column);
      await page.keyboard.press('Enter');
      await sleep(300);
      const wanted = ['power', 'gpu_time', 'gpus', 'duration', 'utilisation', 'nodes', 'accelerator_energy',
        'it_energy', 'facility_energy'];
      let labels = [];
      const found = await waitFor(async () => {
        await chord(page, 'Control', ' ');
        await sleep(800);
        labels = await page.evaluate(() =>
          [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row')]
            .map((r) => (r.getAttribute('aria-label') || r.textContent || '').trim()));
        return labels.some((l) => wanted.some((w) => new RegExp(`\\b${w}\\b`).test(l)));
      }, { timeout: STEP_TIMEOUT, interval: 1500 });
      await screenshot(page, 'completion-list');
      await escape(page);
      await chord(page, 'Control', 'z');
      await sleep(300);
      if (!found) {
        throw new Error(`the completion list had no run property (${wanted.join(', ')}); it showed: `
          + `[${labels.slice(0, 12).join(' | ')}]`);
      }
      const hits = labels.filter((l) => wanted.some((w) => new RegExp(`\\b${w}\\b`).test(l)));
      return `${labels.length} items, e.g. ${hits.slice(0, 4).map((l) => `"${l.slice(0, 40)}"`).join(', ')}`;
    });

    // (3) An error typed into the site block (pue must be dimensionless) shows in the Problems panel;
    // without a site block in the sample, an unknown unit typed into a run block. (4) Undo clears it.
    const site = findBlock(/^\s*site\s+\w+[^{]*\{/);
    const errorEdit = site
      ? { block: site, text: 'pue = 3 kWh' }
      : { block: findBlock(/^\s*run\s+\w+[^{]*\{/), text: 'power = 649 zorkwatts' };
    await openProblems(page);
    const baseline = (await problems(page)) ?? [];
    log(`Problems panel before the edit: ${baseline.length} rows`);
    let errorRows = [];
    await check(page, 'an error shows in the Problems panel', async () => {
      if (!errorEdit.block) throw new Error(`no "site ... {" nor "run ... {" line in ${SAMPLE}`);
      await focusEditor(page);
      await goTo(page, errorEdit.block.line, errorEdit.block.column);
      await page.keyboard.press('Enter');
      await page.keyboard.type(errorEdit.text, { delay: 20 });
      await escape(page);
      await page.keyboard.press('Enter');
      await openProblems(page);
      const rows = await waitFor(async () => {
        const r = (await problems(page)) ?? [];
        return r.length > baseline.length && r.some((x) => !baseline.includes(x)) ? r : undefined;
      }, { timeout: STEP_TIMEOUT });
      if (!rows) {
        throw new Error(`after typing "${errorEdit.text}" at line ${errorEdit.block.line} the Problems panel `
          + `showed no new problem (rows: [${baseline.join(' | ')}])`);
      }
      errorRows = rows.filter((x) => !baseline.includes(x));
      return `typed "${errorEdit.text}"; new: ${errorRows.map((r) => `"${r.slice(0, 120)}"`).join(', ')}`;
    });

    await check(page, 'undo clears the problem', async () => {
      await focusEditor(page);
      // Undo everything typed since the file opened; undo past the start changes nothing.
      for (let i = 0; i < 8; i++) {
        await chord(page, 'Control', 'z');
        await sleep(150);
      }
      if ((await editorText(page)).includes(errorEdit.text)) throw new Error('undo did not remove the edit');
      await openProblems(page);
      const cleared = await waitFor(async () => {
        const r = (await problems(page)) ?? [];
        return errorRows.length > 0 && !r.some((x) => errorRows.includes(x)) && r.length <= baseline.length;
      }, { timeout: STEP_TIMEOUT });
      if (!cleared) {
        const now = (await problems(page)) ?? [];
        throw new Error(`the problem is still listed after undo: [${now.join(' | ')}]`);
      }
      return `Problems panel back to ${baseline.length} rows`;
    });

    if (CHECK_COMMANDS) {
      await check(page, 'Show Footprint Report opens a panel', async () => {
        await runCommand(page, 'Carbon: Show Footprint Report');
        const text = await waitFor(async () => {
          for (const frame of page.frames()) {
            const t = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
            if (frame !== page.mainFrame() && t.includes('CO2e')) return t;
          }
          return undefined;
        }, { timeout: 30_000 });
        if (!text) throw new Error('no webview with the report (text containing "CO2e") appeared');
        return `webview shows "${norm(text).trim().split('\n')[0].slice(0, 60)}"`;
      });
      await check(page, 'Show Generated C# opens a C# document', async () => {
        await runCommand(page, 'Carbon: Show Generated C#');
        const mode = await waitFor(async () => {
          const t = await statusBarText(page, 'status.editor.mode');
          return t.includes('C#') ? t : undefined;
        }, { timeout: 30_000 });
        if (!mode) throw new Error('no C# editor became active');
        return `active editor language: "${mode.trim()}"`;
      });
    }
  } finally {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof SetupError) {
    console.error(`e2e: setup failed: ${err.message}`);
    process.exit(3);
  }
  console.error(`e2e: driver error: ${err.stack ?? err}`);
  results.push({ name: 'driver', ok: false, error: String(err) });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
for (const r of results.filter((x) => !x.ok)) console.log(`  failed: ${r.name}: ${r.error}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
