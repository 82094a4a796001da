// Page weight: the bytes (brotli, quality 11) that a reader's browser downloads to open the
// standalone widget page, and a page with two embedded widgets, measured by loading each page in
// headless Chromium and adding up every file of dist/ it fetched. The test command runs this after
// the release build and fails when a page is over its budget, naming the files that grew since
// bench/weights.json was written. The bench (bench/bench.mjs) prints the same figures.
//
// Usage: node bench/weight.mjs                  measure, print, and exit 1 when over a budget
//        FORTRESS_BLESS_WEIGHTS=1 node bench/weight.mjs   also record the sizes in bench/weights.json
// Environment: DIST (default dist), WEIGHT_BUDGET_PAGE / WEIGHT_BUDGET_TWO_EMBEDS (bytes; to try
// the guard with a lower budget).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fromRoot, launchBrowser, startServer } from '../tests/e2e/harness.mjs';

/** The budgets of 2026-12-01, in bytes, brotli: what each page loads when it opens. */
export const BUDGETS = {
  page: Number(process.env.WEIGHT_BUDGET_PAGE ?? 150_000),
  twoEmbeds: Number(process.env.WEIGHT_BUDGET_TWO_EMBEDS ?? 180_000),
};
const RECORD = fromRoot('bench/weights.json');

/** A page with two embedded widgets, configured differently, as a publisher would write it. */
export const TWO_EMBEDS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two Fortress widgets</title>
<script type="module" src="fortress.js"></script></head>
<body><main><h1>Two widgets</h1>
<fortress-widget id="one" preset="feb-2026"></fortress-widget>
<fortress-widget id="two" preset="oct-2026-funded"></fortress-widget>
</main></body></html>`;

/** The sizes of one file: raw, gzip (level 9) and brotli (quality 11). */
export async function fileSizes(dist, path) {
  const data = await readFile(join(dist, path));
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return { path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli };
}

/** The files of dist/ that `url` fetches until `ready(page)` resolves, by path. */
async function fetched(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const paths = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && r.status() === 200) paths.add(u.pathname === '/' ? 'index.html' : decodeURIComponent(u.pathname.slice(1)));
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
  }
  return [...paths].sort();
}

/**
 * Measures what the standalone page and the two-widget page load, once each has drawn all of
 * itself (the sections after the first paint included).
 * @returns {Promise<{page: {files, brotli}, twoEmbeds: {files, brotli}}>}
 */
export async function measureWeights(dist = fromRoot(process.env.DIST ?? 'dist'), browser = null) {
  const server = await startServer(dist, { pages: { '/two-embeds.html': TWO_EMBEDS } });
  const own = !browser;
  browser ??= await launchBrowser();
  const weigh = async (paths) => {
    const files = await Promise.all(paths.filter((p) => p !== 'two-embeds.html').map((p) => fileSizes(dist, p)));
    // The fixture page itself stands for the publisher's article, whose bytes are not ours.
    return { files, brotli: files.reduce((t, f) => t + f.brotli, 0) };
  };
  try {
    const page = await fetched(browser, server.url, (p) => p.locator('#ownership-chart').waitFor({ timeout: 30_000 }));
    const two = await fetched(browser, `${server.url}two-embeds.html`, (p) =>
      p.locator('fortress-widget #ownership-chart').nth(1).waitFor({ timeout: 30_000 }),
    );
    return { page: await weigh(page), twoEmbeds: await weigh(two) };
  } finally {
    if (own) await browser.close();
    await server.close();
  }
}

const n = (x) => Math.round(x).toLocaleString('en-US');

/** Prints one page's files and total against its budget; returns the lines naming files that grew. */
export function report(label, weight, budget, recorded = {}) {
  console.log(`${label}: ${weight.files.length} files`);
  for (const f of weight.files) {
    const was = recorded[f.path];
    const delta = was === undefined ? '  (new)' : f.brotli !== was ? `  (${f.brotli > was ? '+' : ''}${n(f.brotli - was)})` : '';
    console.log(`  ${f.path.padEnd(30)} ${n(f.raw).padStart(10)} raw ${n(f.gzip).padStart(9)} gzip ${n(f.brotli).padStart(9)} brotli${delta}`);
  }
  const over = weight.brotli > budget;
  console.log(`  total ${n(weight.brotli)} B brotli of a ${n(budget)} B budget: ${over ? 'OVER BUDGET' : 'within budget'}`);
  const grew = weight.files.filter((f) => recorded[f.path] === undefined || f.brotli > recorded[f.path]);
  return over ? grew.map((f) => `${f.path} (${n(recorded[f.path] ?? 0)} -> ${n(f.brotli)} B)`) : [];
}

async function main() {
  const recorded = JSON.parse(await readFile(RECORD, 'utf8').catch(() => '{}'));
  const weights = await measureWeights();
  const grewPage = report('the standalone page (index.html)', weights.page, BUDGETS.page, recorded);
  const grewTwo = report('a page with two embedded widgets', weights.twoEmbeds, BUDGETS.twoEmbeds, recorded);
  if (process.env.FORTRESS_BLESS_WEIGHTS) {
    const sizes = Object.fromEntries([...weights.page.files, ...weights.twoEmbeds.files].map((f) => [f.path, f.brotli]));
    await writeFile(RECORD, `${JSON.stringify(sizes, null, 2)}\n`);
    console.log(`recorded in ${RECORD}`);
  }
  const failures = [...grewPage.map((f) => `standalone page: ${f}`), ...grewTwo.map((f) => `two embeds: ${f}`)];
  if (weights.page.brotli > BUDGETS.page || weights.twoEmbeds.brotli > BUDGETS.twoEmbeds) {
    console.error('weight: OVER BUDGET. Files that grew since bench/weights.json was recorded:');
    for (const f of failures.length ? failures : ['(none grew: the budget was lowered)']) console.error(`  ${f}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
