// Fortress benchmark: page weight against the budget, time to an interactive widget, and slider
// input-to-paint latency, in headless Chromium (Debian's), at normal speed and with the CPU
// throttled 4x. Run it through scripts/bench.sh, which builds dist/ first (trunk build --release).
//
// It prints figures and does not fail on timing; it exits 1 only when the bytes the page loads,
// brotli-compressed, are over the budget (or 2 when dist/ is missing).
//
// Environment: BENCH_LOADS (page loads per speed, default 7), BENCH_STEPS (slider steps per speed,
// default 50), BENCH_THROTTLE (the slow CPU's rate, default 4), DIST (default dist).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fromRoot, launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const BUDGET_BROTLI_BYTES = 100_000; // 100 KB, brotli, of everything the page loads
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
  // One slider step: set the value, dispatch `input`, then time the first DOM mutation (the widget
  // re-rendered) and the frame after the next one (double requestAnimationFrame: the update has
  // been painted). Times are from just before the event is dispatched.
  bench.step = (i) =>
    new Promise((resolve) => {
      const s = slider();
      const value = bench.valueFor(i);
      let tDom = null;
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve({ dom: null, paint: null });
      }, 5000);
      const mo = new MutationObserver(() => {
        if (tDom !== null) return;
        tDom = performance.now();
        mo.disconnect();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            const tPaint = performance.now();
            resolve({ dom: tDom - t0, paint: tPaint - t0, tDom, tPaint });
          }),
        );
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const t0 = performance.now();
      s.value = String(value);
      s.dispatchEvent(new Event('input', { bubbles: true }));
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
      const ready = await Promise.race([bench.ready, new Promise((r) => setTimeout(() => r(null), timeout))]);
      if (ready === null) return null;
      const { tDom, tPaint } = await bench.step(0);
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        render: ready,
        interactive: tDom ?? null,
        interactivePainted: tPaint ?? null,
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
    out.push(line('interactive (a slider input -> DOM)', inter));
    out.push(line('  ... and that change painted', f('interactivePainted')));
  }
  else out.push('    interactive: the slider did not change the DOM');
  return { runs, errors };
}

async function sliderLatency(browser, url, rate, steps) {
  const { context, page, errors } = await newPage(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const ready = await page.evaluate(
      (timeout) =>
        Promise.race([window.__fortressBench.ready, new Promise((r) => setTimeout(() => r(null), timeout))]),
      READY_TIMEOUT_MS,
    );
    if (ready === null) {
      console.log(`  CPU ${rate}x: the widget did not render`);
      return { errors };
    }
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
    console.log(`  CPU ${rate}x, ${dom.length} steps of the first slider (${desc}), after ${WARMUP_STEPS} warm-up steps:`);
    const line = (label, xs) =>
      `    ${label.padEnd(34)} median ${pad(ms(median(xs)), 9)}   p95 ${pad(ms(quantile(xs, 0.95)), 9)}   max ${pad(ms(Math.max(...xs)), 9)}`;
    if (dom.length) {
      console.log(line('input -> DOM updated', dom));
      console.log(line('input -> next painted frame', paint));
    }
    if (noChange) console.log(`    ${noChange} steps changed nothing in the DOM within 5 s`);
    return { errors };
  } finally {
    await context.close();
  }
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
  const browser = await launchBrowser();
  console.log(`Chromium ${browser.version()} headless, served from ${server.url}\n`);
  const loaded = new Set();
  const errors = [];
  let over = false;
  try {
    // Time to interactive first (its first load also records which files the page loads), but
    // printed after the page weight.
    const ttiText = [];
    errors.push(...(await timeToInteractive(browser, server.url, 1, LOADS, loaded, ttiText)).errors);
    const slowLoads = Math.max(3, LOADS - 2);
    errors.push(...(await timeToInteractive(browser, server.url, THROTTLE, slowLoads, null, ttiText)).errors);

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

    console.log('== Time from navigation to an interactive widget (cold loads) ==');
    for (const l of ttiText) console.log(l);
    console.log('');

    console.log('== Slider input-to-paint latency ==');
    errors.push(...(await sliderLatency(browser, server.url, 1, STEPS)).errors);
    errors.push(...(await sliderLatency(browser, server.url, THROTTLE, STEPS)).errors);
    console.log('');
  } finally {
    await browser.close();
    await server.close();
  }
  if (errors.length) {
    const unique = [...new Set(errors)];
    console.log(`console errors seen (${unique.length} distinct):`);
    for (const e of unique.slice(0, 10)) console.log(`  ${e.split('\n')[0]}`);
  }
  return over ? 1 : 0;
}

process.exitCode = await main();
