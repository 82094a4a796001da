// Fortress benchmark: page weight against the budgets (bench/weight.mjs), time to an interactive
// widget, and slider latency, in headless Chromium (Debian's), at normal speed and with the CPU
// throttled 4x; the same slider on a plain hand-written JavaScript page (bench/baseline.html) as the
// yardstick; the same step on a large scenario (300 holders, 6 rounds: BENCH_BIG_LINK); then the
// budgets, PASS or FAIL. (The sensitivity map's grid is timed natively, by cargo bench.)
// Run it through scripts/bench.sh, which builds dist/ first (the release build) and hands over the
// core's native timings (cargo bench -p fortress-core) in BENCH_NATIVE_FILE.
//
// A slider step is timed two ways, both from just before the `input` event is dispatched:
//   work:  until the DOM has been updated and laid out (the last DOM mutation the step caused,
//          with a forced layout right after it);
//   paint: until the next painted frame after that (double requestAnimationFrame).
//
// It prints figures and does not fail on timing; it exits 1 only when a page is over its weight
// budget (or 2 when dist/ is missing).
//
// Environment: BENCH_LOADS (page loads per speed, default 7), BENCH_STEPS (slider steps per speed,
// default 50), BENCH_THROTTLE (the slow CPU's rate, default 4), DIST (default dist),
// BENCH_NATIVE_FILE (the output of cargo bench, printed in its section), BENCH_BIG_LINK (the share
// link fragment of the large scenario).
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromRoot, launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { BUDGETS, measureWeights, report } from './weight.mjs';

// The budgets of 2026-12-01.
const BUDGET_STEP_WORK_P95_MS = 16; // slider-step work, p95, at 1x: within a frame
const BUDGET_BASELINE_RATIO = 1.3; // slider-step work (p95, 4x) within 1.3x of plain JavaScript, same run
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
async function loadOnce(browser, url, rate) {
  const { context, page, errors } = await newPage(browser, rate);
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
    return { result, errors };
  } finally {
    await context.close();
  }
}

async function timeToInteractive(browser, url, rate, loads, out) {
  const runs = [];
  let errors = [];
  for (let i = 0; i < loads; i++) {
    const { result, errors: e } = await loadOnce(browser, url, rate);
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

async function sliderLatency(browser, url, rate, steps, what = 'widget', prepare = null) {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (prepare) await prepare(page);
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
    const dom = [];
    const paint = [];
    let noChange = 0;
    for (let i = 0; i < WARMUP_STEPS + steps; i++) {
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
    console.log(`  ${what}, CPU ${rate}x, ${dom.length} steps of the first slider (${desc}), after ${WARMUP_STEPS} warm-up steps:`);
    if (dom.length) {
      console.log(statLine('work: input -> DOM updated, laid out', dom));
      console.log(statLine('paint: input -> next painted frame', paint));
    }
    if (noChange) console.log(`    ${noChange} steps changed nothing in the DOM within 5 s`);
    return { errors, dom, paint };
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

  const server = await startServer(DIST);
  const baseline = await startServer('bench');
  const browser = await launchBrowser();
  console.log(`Chromium ${browser.version()} headless, served from ${server.url}\n`);
  const errors = [];
  const budgets = [];
  const budget = (name, pass, figure) => budgets.push({ name, pass, figure });
  let over = false;
  try {
    // Time to interactive first (its first load also records which files the page loads), but
    // printed after the page weight.
    const ttiText = [];
    const fast = await timeToInteractive(browser, server.url, 1, LOADS, ttiText);
    errors.push(...fast.errors);
    const slowLoads = Math.max(3, LOADS - 2);
    errors.push(...(await timeToInteractive(browser, server.url, THROTTLE, slowLoads, ttiText)).errors);
    // For reference, not budgeted: the plain JavaScript page (a table, a chart and a map, no wasm).
    ttiText.push('  for reference, bench/baseline.html (plain JavaScript, the same table, chart and map):');
    errors.push(...(await timeToInteractive(browser, `${baseline.url}baseline.html`, 1, LOADS, ttiText)).errors);

    console.log('== Page weight (brotli, what each page loads when it opens) ==');
    const weights = await measureWeights(DIST, browser);
    report('the standalone page (index.html)', weights.page, BUDGETS.page);
    report('a page with two embedded widgets', weights.twoEmbeds, BUDGETS.twoEmbeds);
    console.log('');
    over = weights.page.brotli > BUDGETS.page || weights.twoEmbeds.brotli > BUDGETS.twoEmbeds;
    budget(`standalone page <= ${n(BUDGETS.page)} B brotli`, weights.page.brotli <= BUDGETS.page, `${n(weights.page.brotli)} B`);
    budget(
      `page with two embeds <= ${n(BUDGETS.twoEmbeds)} B brotli`,
      weights.twoEmbeds.brotli <= BUDGETS.twoEmbeds,
      `${n(weights.twoEmbeds.brotli)} B`,
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
    console.log('  -- the same step on plain JavaScript (bench/baseline.html?no-map: summary, headline, table and chart, as the widget shows them by default) --');
    const b1 = await sliderLatency(browser, `${baseline.url}baseline.html?no-map`, 1, STEPS, 'baseline');
    const b4 = await sliderLatency(browser, `${baseline.url}baseline.html?no-map`, THROTTLE, STEPS, 'baseline');
    console.log('  -- with the sensitivity map shown, against plain JavaScript with its map (bench/baseline.html) --');
    const showMap = async (page) => {
      await page.locator('#sensitivity-show').click({ timeout: READY_TIMEOUT_MS });
      await page.locator('#sensitivity-map canvas').waitFor({ timeout: READY_TIMEOUT_MS });
    };
    const m4 = await sliderLatency(browser, server.url, THROTTLE, STEPS, 'widget with the map', showMap);
    const bm4 = await sliderLatency(browser, `${baseline.url}baseline.html`, THROTTLE, STEPS, 'baseline with the map');
    console.log('  -- for reference: the summary, headline and table alone (baseline.html?table-only, the yardstick of runs before 2026-11-26) --');
    const t1 = await sliderLatency(browser, `${baseline.url}baseline.html?table-only`, 1, STEPS, 'table only');
    const t4 = await sliderLatency(browser, `${baseline.url}baseline.html?table-only`, THROTTLE, STEPS, 'table only');
    console.log('  -- the large scenario: 300 starting holders, 6 rounds (BENCH_BIG_LINK) --');
    const big = process.env.BENCH_BIG_LINK
      ? await sliderLatency(browser, `${server.url}#${process.env.BENCH_BIG_LINK}`, 1, STEPS, '300 holders x 6 rounds')
      : { errors: [] };
    if (!process.env.BENCH_BIG_LINK) console.log('  (not run: scripts/bench.sh passes BENCH_BIG_LINK)');
    errors.push(...w1.errors, ...w4.errors, ...b1.errors, ...b4.errors, ...m4.errors, ...bm4.errors, ...t1.errors, ...t4.errors, ...big.errors);
    console.log('');
    const p95 = (xs) => (xs?.length ? quantile(xs, 0.95) : NaN);
    const w1p95 = p95(w1.dom);
    const w4p95 = p95(w4.dom);
    const b4p95 = p95(b4.dom);
    budget(`slider-step work p95 < ${BUDGET_STEP_WORK_P95_MS} ms at 1x`, w1p95 < BUDGET_STEP_WORK_P95_MS, ms(w1p95));
    const bigp95 = p95(big.dom);
    budget(
      `300 holders x 6 rounds: step work p95 < ${BUDGET_STEP_WORK_P95_MS} ms at 1x`,
      bigp95 < BUDGET_STEP_WORK_P95_MS,
      `${ms(bigp95)} (median ${ms(median(big.dom ?? []))})`,
    );
    const ratio = w4p95 / b4p95;
    budget(
      `slider-step work p95 at ${THROTTLE}x within ${BUDGET_BASELINE_RATIO}x of plain JavaScript`,
      ratio <= BUDGET_BASELINE_RATIO,
      `${ratio.toFixed(2)}x (${ms(w4p95)} vs ${ms(b4p95)}; medians ${ms(median(w4.dom ?? []))} vs ${ms(median(b4.dom ?? []))})`,
    );
    const mapRatio = p95(m4.dom) / p95(bm4.dom);
    budget(
      `with the map shown: slider-step work p95 at ${THROTTLE}x within ${BUDGET_BASELINE_RATIO}x of plain JavaScript with its map`,
      mapRatio <= BUDGET_BASELINE_RATIO,
      `${mapRatio.toFixed(2)}x (${ms(p95(m4.dom))} vs ${ms(p95(bm4.dom))}; medians ${ms(median(m4.dom ?? []))} vs ${ms(median(bm4.dom ?? []))})`,
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
