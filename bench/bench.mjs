// Fortress benchmark: page weight against the budget, time to an interactive widget, and slider
// latency, in headless Chromium (Debian's), at normal speed and with the CPU throttled 4x; the same
// slider on a plain hand-written JavaScript page (bench/baseline.html) as the yardstick; the
// sensitivity map's grid computation as the widget times it; then the budgets, PASS or FAIL.
// Run it through scripts/bench.sh, which builds dist/ first (trunk build --release) and hands over
// the core's native timings (cargo bench -p fortress-core) in BENCH_NATIVE_FILE.
//
// A slider step is timed two ways, both from just before the `input` event is dispatched:
//   work:  until the DOM has been updated and laid out (the last DOM mutation the step caused,
//          with a forced layout right after it);
//   paint: until the next painted frame after that (double requestAnimationFrame).
//
// It prints figures and does not fail on timing; it exits 1 only when the bytes the page loads,
// brotli-compressed, are over the budget (or 2 when dist/ is missing).
//
// Environment: BENCH_LOADS (page loads per speed, default 7), BENCH_STEPS (slider steps per speed,
// default 50), BENCH_THROTTLE (the slow CPU's rate, default 4), DIST (default dist),
// BENCH_NATIVE_FILE (the output of cargo bench, printed in its section).
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fromRoot, launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const BUDGET_BROTLI_BYTES = 100_000; // 100 KB, brotli, of everything the page loads
const AIM_BROTLI_BYTES = 80_000; // what we aim for
const BUDGET_STEP_WORK_P95_MS = 16; // slider-step work, p95, at 4x throttling: within a frame
const BUDGET_BASELINE_RATIO = 1.5; // slider-step work (p95, 4x) within 1.5x of plain JavaScript
const BUDGET_INTERACTIVE_MS = 300; // navigation to an interactive widget, median, 1x, localhost
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const STEPS = Number(process.env.BENCH_STEPS ?? 50);
const WARMUP_STEPS = 5;
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const READY_TIMEOUT_MS = 30_000;
const DIST = fromRoot(process.env.DIST ?? 'dist');

// ---------------------------------------------------------------------------------------------
// Formatting and statistics

const n = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x == null || Number.isNaN(x) ? 'n/a' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`);
const pad = (s, w) => String(s).padStart(w);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
  // nearest rank
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Page weight

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

async function measureSizes() {
  const rows = [];
  for (const file of await listFiles(DIST)) {
    const data = await readFile(file);
    rows.push({
      path: relative(DIST, file).split(sep).join('/'),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }).length,
    });
  }
  return rows;
}

function total(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

function printSizes(rows, loaded) {
  const w = Math.max(40, ...rows.map((r) => r.path.length + 2));
  console.log(`${'file (dist/)'.padEnd(w)}${pad('raw', 12)}${pad('gzip', 12)}${pad('brotli', 12)}  loaded`);
  for (const r of rows) {
    const mark = loaded ? (loaded.has(r.path) ? 'yes' : '-') : '?';
    console.log(`${r.path.padEnd(w)}${pad(n(r.raw), 12)}${pad(n(r.gzip), 12)}${pad(n(r.brotli), 12)}  ${mark}`);
  }
  const all = total(rows);
  console.log(`${'total, all of dist/'.padEnd(w)}${pad(n(all.raw), 12)}${pad(n(all.gzip), 12)}${pad(n(all.brotli), 12)}`);
  if (loaded) {
    const l = total(rows.filter((r) => loaded.has(r.path)));
    const label = `total, what the page loads (${loaded.size} files)`;
    console.log(`${label.padEnd(w)}${pad(n(l.raw), 12)}${pad(n(l.gzip), 12)}${pad(n(l.brotli), 12)}`);
  }
  console.log('(bytes; gzip level 9, brotli quality 11)');
}

// ---------------------------------------------------------------------------------------------
// In-page probes (installed before any page script runs)

function installProbe() {
  const bench = {};
  window.__fortressBench = bench;
  const slider = () => document.querySelector('input[type=range]');
  bench.ready = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('#cap-table') && slider()) {
        obs.disconnect();
        resolve(performance.now());
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true });
  });
  // The values a slider walks through: back and forth between 10% and 90% of its range.
  bench.valueFor = (i) => {
    const s = slider();
    const min = Number(s.min || 0);
    const max = Number(s.max || 100);
    const step = Number(s.step) > 0 ? Number(s.step) : 1;
    const k = i % 16;
    const frac = 0.1 + 0.8 * ((k < 8 ? k : 16 - k) / 8);
    let v = min + Math.round(((max - min) * frac) / step) * step;
    if (String(v) === s.value) v = v + step <= max ? v + step : v - step;
    return v;
  };
  // One slider step: set the value, dispatch `input`, and watch the DOM. Every mutation batch the
  // step causes moves the end of its work: the time after that batch plus a forced layout. The
  // frame after the next one (double requestAnimationFrame) is when the update has been painted.
  // Times are from just before the event is dispatched.
  bench.step = (i) =>
    new Promise((resolve) => {
      const s = slider();
      const value = bench.valueFor(i);
      let tWork = null;
      let waiting = false;
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve({ dom: null, paint: null });
      }, 5000);
      const mo = new MutationObserver(() => {
        void document.body.offsetHeight; // force style and layout: the update is laid out
        tWork = performance.now();
        if (waiting) return;
        waiting = true;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            mo.disconnect();
            const tPaint = performance.now();
            resolve({ dom: tWork - t0, paint: tPaint - t0, tDom: tWork, tPaint });
          }),
        );
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const t0 = performance.now();
      s.value = String(value);
      s.dispatchEvent(new Event('input', { bubbles: true }));
    });
  // Time to interactive, measured in the page (no round trip to the driver): as soon as the widget
  // has rendered, move the slider once; interactive is when that step's DOM update is laid out.
  bench.tti = bench.ready.then(async (render) => {
    const { tDom, tPaint } = await bench.step(0);
    return { render, interactive: tDom ?? null, interactivePainted: tPaint ?? null };
  });
}

async function newPage(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return { context, page, errors };
}

// One cold load (new context: empty cache): time from navigation start to the widget's first
// render (#cap-table and a slider exist), and to interactive (a slider input changed the DOM).
async function loadOnce(browser, url, rate, loaded) {
  const { context, page, errors } = await newPage(browser, rate);
  if (loaded) {
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(url).origin && r.status() === 200) {
        loaded.add(u.pathname === '/' ? 'index.html' : decodeURIComponent(u.pathname.slice(1)));
      }
    });
  }
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const result = await page.evaluate(async (timeout) => {
      const bench = window.__fortressBench;
      const tti = await Promise.race([bench.tti, new Promise((r) => setTimeout(() => r(null), timeout))]);
      if (tti === null) return null;
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        ...tti,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        wasmLoaded: wasm?.responseEnd,
      };
    }, READY_TIMEOUT_MS);
    if (loaded) await page.waitForLoadState('load');
    return { result, errors };
  } finally {
    await context.close();
  }
}

// What an embedding page loads, beside the budgeted standalone page: the example article with two
// widgets (the embed build of the wasm, loaded once), after both have rendered.
async function embedWeight(browser, url, rows) {
  const { context, page } = await newPage(browser, 1);
  const loaded = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin && r.status() === 200) loaded.add(decodeURIComponent(u.pathname.slice(1)));
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('fortress-widget #cap-table').nth(1).waitFor({ timeout: READY_TIMEOUT_MS });
    const files = rows.filter((r) => loaded.has(r.path));
    const t = total(files);
    console.log(`what ${new URL(url).pathname.slice(1)} (two embedded widgets) loads: ${files.map((r) => r.path).join(', ')}`);
    console.log(`  ${n(t.raw)} B raw, ${n(t.gzip)} B gzip, ${n(t.brotli)} B brotli (not budgeted: the budget is the standalone page's)`);
  } catch (e) {
    console.log(`what the embedding page loads: not measured (${String(e).split('\n')[0]})`);
  } finally {
    await context.close();
  }
}

async function timeToInteractive(browser, url, rate, loads, loaded, out) {
  const runs = [];
  let errors = [];
  for (let i = 0; i < loads; i++) {
    const { result, errors: e } = await loadOnce(browser, url, rate, i === 0 ? loaded : null);
    errors = errors.concat(e);
    if (!result) {
      out.push(`  CPU ${rate}x: the widget did not render within ${READY_TIMEOUT_MS / 1000} s (no #cap-table + input[type=range])`);
      return { runs, errors };
    }
    runs.push(result);
  }
  const f = (key) => runs.map((r) => r[key]).filter((x) => typeof x === 'number');
  const line = (label, xs) =>
    `    ${label.padEnd(34)} median ${pad(ms(median(xs)), 9)}   min ${pad(ms(Math.min(...xs)), 9)}   max ${pad(ms(Math.max(...xs)), 9)}`;
  out.push(`  CPU ${rate}x (${runs.length} cold loads):`);
  out.push(line('DOMContentLoaded', f('domContentLoaded')));
  if (f('wasmLoaded').length) out.push(line('wasm downloaded', f('wasmLoaded')));
  out.push(line('widget rendered (#cap-table)', f('render')));
  const inter = f('interactive');
  if (inter.length) {
    out.push(line('interactive (a slider step laid out)', inter));
    out.push(line('  ... and that change painted', f('interactivePainted')));
  }
  else out.push('    interactive: the slider did not change the DOM');
  return { runs, errors, interactive: median(inter) };
}

async function sliderLatency(browser, url, rate, steps, what = 'widget') {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const ready = await page.evaluate(
      (timeout) =>
        Promise.race([window.__fortressBench.ready, new Promise((r) => setTimeout(() => r(null), timeout))]),
      READY_TIMEOUT_MS,
    );
    if (ready === null) {
      console.log(`  ${what}, CPU ${rate}x: did not render`);
      return { errors };
    }
    // Let the automatic first step (time to interactive) finish before timing.
    await page.evaluate(() => window.__fortressBench.tti);
    await page.evaluate(() => performance.clearMeasures?.());
    const dom = [];
    const paint = [];
    let noChange = 0;
    for (let i = 0; i < WARMUP_STEPS + steps; i++) {
      if (i === WARMUP_STEPS) await page.evaluate(() => performance.clearMeasures?.());
      const r = await page.evaluate((k) => window.__fortressBench.step(k), i + 1);
      if (i < WARMUP_STEPS) continue;
      if (r.dom === null) noChange++;
      else {
        dom.push(r.dom);
        paint.push(r.paint);
      }
    }
    const desc = await page.evaluate(() => {
      const s = document.querySelector('input[type=range]');
      const label = s.labels?.[0]?.textContent?.trim() || s.getAttribute('aria-label') || s.id || s.name || '';
      return `${label ? `"${label.slice(0, 40)}" ` : ''}min ${s.min} max ${s.max} step ${s.step || 1}`;
    });
    // The widget marks each sensitivity-grid computation with performance.measure('fortress-grid').
    const grid = await page.evaluate(() =>
      performance.getEntriesByName('fortress-grid').map((e) => e.duration),
    );
    const cells = await page.evaluate(() => document.querySelector('[data-grid-cells]')?.dataset.gridCells ?? null);
    console.log(`  ${what}, CPU ${rate}x, ${dom.length} steps of the first slider (${desc}), after ${WARMUP_STEPS} warm-up steps:`);
    if (dom.length) {
      console.log(statLine('work: input -> DOM updated, laid out', dom));
      console.log(statLine('paint: input -> next painted frame', paint));
    }
    if (grid.length) console.log(statLine(`sensitivity grid (${cells ?? '?'} cells) computed`, grid));
    if (noChange) console.log(`    ${noChange} steps changed nothing in the DOM within 5 s`);
    return { errors, dom, paint, grid };
  } finally {
    await context.close();
  }
}

function statLine(label, xs) {
  return `    ${label.padEnd(40)} median ${pad(ms(median(xs)), 9)}   p95 ${pad(ms(quantile(xs, 0.95)), 9)}   max ${pad(ms(Math.max(...xs)), 9)}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const distStat = await stat(join(DIST, 'index.html')).catch(() => null);
  if (!distStat) {
    console.error(`bench: ${join(DIST, 'index.html')} is missing: run \`trunk build --release\` first (scripts/bench.sh does)`);
    return 2;
  }
  console.log(`Fortress benchmark: ${DIST}, ${new Date().toISOString()}, node ${process.version}`);
  const rows = await measureSizes();

  const server = await startServer(DIST);
  const baseline = await startServer('bench');
  const browser = await launchBrowser();
  console.log(`Chromium ${browser.version()} headless, served from ${server.url}\n`);
  const loaded = new Set();
  const errors = [];
  const budgets = [];
  const budget = (name, pass, figure) => budgets.push({ name, pass, figure });
  let over = false;
  try {
    // Time to interactive first (its first load also records which files the page loads), but
    // printed after the page weight.
    const ttiText = [];
    const fast = await timeToInteractive(browser, server.url, 1, LOADS, loaded, ttiText);
    errors.push(...fast.errors);
    const slowLoads = Math.max(3, LOADS - 2);
    errors.push(...(await timeToInteractive(browser, server.url, THROTTLE, slowLoads, null, ttiText)).errors);
    // For reference, not budgeted: the plain JavaScript page (a table, a chart and a map, no wasm).
    ttiText.push('  for reference, bench/baseline.html (plain JavaScript, the same table, chart and map):');
    errors.push(...(await timeToInteractive(browser, `${baseline.url}baseline.html`, 1, LOADS, null, ttiText)).errors);

    console.log('== Page weight ==');
    printSizes(rows, loaded.size ? loaded : null);
    const counted = loaded.size ? rows.filter((r) => loaded.has(r.path)) : rows;
    const brotli = total(counted).brotli;
    over = brotli > BUDGET_BROTLI_BYTES;
    const pct = ((100 * brotli) / BUDGET_BROTLI_BYTES).toFixed(0);
    console.log(
      `budget: ${n(brotli)} of ${n(BUDGET_BROTLI_BYTES)} bytes brotli (100 KB) ` +
        `${loaded.size ? 'loaded by the page' : 'in dist/'}, ${pct}% of the budget: ${over ? 'OVER BUDGET' : 'within budget'}\n`,
    );
    await embedWeight(browser, `${server.url}article.html`, rows);
    console.log('');
    budget(
      `page weight <= ${n(BUDGET_BROTLI_BYTES)} B brotli (aim ${n(AIM_BROTLI_BYTES)})`,
      !over,
      `${n(brotli)} B${brotli <= AIM_BROTLI_BYTES ? ', aim met' : ', aim not met'}`,
    );

    console.log('== Time from navigation to an interactive widget (cold loads) ==');
    for (const l of ttiText) console.log(l);
    console.log('');
    budget(
      `interactive <= ${BUDGET_INTERACTIVE_MS} ms after navigation (median, 1x)`,
      fast.interactive <= BUDGET_INTERACTIVE_MS,
      ms(fast.interactive),
    );

    console.log('== Slider step latency ==');
    const w1 = await sliderLatency(browser, server.url, 1, STEPS);
    const w4 = await sliderLatency(browser, server.url, THROTTLE, STEPS);
    console.log('  -- the same step on plain JavaScript (bench/baseline.html: summary, headline, table, chart and map) --');
    const b1 = await sliderLatency(browser, `${baseline.url}baseline.html`, 1, STEPS, 'baseline');
    const b4 = await sliderLatency(browser, `${baseline.url}baseline.html`, THROTTLE, STEPS, 'baseline');
    console.log('  -- for reference: the summary, headline and table alone (baseline.html?table-only, the yardstick of runs before 2026-11-26) --');
    const t1 = await sliderLatency(browser, `${baseline.url}baseline.html?table-only`, 1, STEPS, 'table only');
    const t4 = await sliderLatency(browser, `${baseline.url}baseline.html?table-only`, THROTTLE, STEPS, 'table only');
    errors.push(...w1.errors, ...w4.errors, ...b1.errors, ...b4.errors, ...t1.errors, ...t4.errors);
    console.log('');
    const p95 = (xs) => (xs?.length ? quantile(xs, 0.95) : NaN);
    const w4p95 = p95(w4.dom);
    const b4p95 = p95(b4.dom);
    budget(`slider-step work p95 < ${BUDGET_STEP_WORK_P95_MS} ms at ${THROTTLE}x`, w4p95 < BUDGET_STEP_WORK_P95_MS, ms(w4p95));
    const ratio = w4p95 / b4p95;
    budget(
      `slider-step work p95 at ${THROTTLE}x within ${BUDGET_BASELINE_RATIO}x of plain JavaScript`,
      ratio <= BUDGET_BASELINE_RATIO,
      `${ratio.toFixed(2)}x (${ms(w4p95)} vs ${ms(b4p95)}; medians ${ms(median(w4.dom ?? []))} vs ${ms(median(b4.dom ?? []))})`,
    );
    const t4p95 = p95(t4.dom);
    console.log(
      `  for reference: widget vs the table alone at ${THROTTLE}x, p95 ${(w4p95 / t4p95).toFixed(2)}x ` +
        `(${ms(w4p95)} vs ${ms(t4p95)}; medians ${ms(median(w4.dom ?? []))} vs ${ms(median(t4.dom ?? []))})\n`,
    );

    console.log('== Rule core, native (cargo bench -p fortress-core; quote the medians) ==');
    const nativeFile = process.env.BENCH_NATIVE_FILE;
    if (nativeFile && existsSync(nativeFile)) {
      const text = await readFile(nativeFile, 'utf8');
      const lines = text.split('\n').filter((l) => /^(evaluate|sensitivity|grid)\b/.test(l));
      for (const l of lines.length ? lines : ['  (no timings in the output; see above)']) console.log(`  ${l}`);
    } else {
      console.log('  (not run: scripts/bench.sh runs cargo bench -p fortress-core and passes BENCH_NATIVE_FILE)');
    }
    console.log('');
  } finally {
    await browser.close();
    await server.close();
    await baseline.close();
  }
  if (errors.length) {
    const unique = [...new Set(errors)];
    console.log(`console errors seen (${unique.length} distinct):`);
    for (const e of unique.slice(0, 10)) console.log(`  ${e.split('\n')[0]}`);
    console.log('');
  }
  console.log('== Budgets (only the page weight fails the command) ==');
  for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name.padEnd(66)} ${b.figure}`);
  return over ? 1 : 0;
}

process.exitCode = await main();
