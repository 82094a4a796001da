// End-to-end specs of the reader tools (www/tools.js and the fortress-tools wasm): the CSV and the
// JSON are exactly what the command line prints for the same scenario; the picture comes out as a
// 1280 px canvas (PNG) and as SVG text with the headline; a download is a real file with the name
// asked for, also under the strict CSP; errors resolve to a plain message; and the standalone page
// does not fetch any of it when it opens.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { drawn, repoRoot, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;

/** Runs the command line (built by cargo if need be) with `input` on stdin; returns its stdout. */
const fortress = (args, input = '') =>
  execFileSync('cargo', ['run', '-q', '-p', 'fortress-cli', '--', ...args], { cwd: repoRoot, input, encoding: 'utf8' });

/** The CLI's default page for share links (cli/src/main.rs, DEFAULT_BASE). */
const BASE = 'http://127.0.0.1:8080/';
const HEADLINE = 'Microsoft 27.0% \u2192 23.5%, worth $197B';

// The default scenario's link fragment, and what the CLI prints for it.
const cli = {};
before(() => {
  if (skip) return;
  const preset = fortress(['preset', 'feb-2026']);
  cli.fragment = fortress(['link', '-', '--base', ''], preset).trim().replace(/^#/, '');
  cli.csv = fortress(['eval', '-', '--csv'], preset);
  cli.json = fortress(['eval', '-', '--with-scenario'], preset);
});

/** Records of RFC 4180 CSV text: quoted fields, doubled quotes, CRLF line ends. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  assert.ok(!quoted && record.length === 0 && field === '', 'the CSV ends with a whole record');
  return records;
}

/** The table of a CSV, after its key-value rows and the empty line, as objects by column. */
function table(csv) {
  const rows = parseCsv(csv.slice(csv.indexOf('\r\n\r\n') + 4));
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

/** In the standalone page: imports /tools.js and runs download(kind, options) for each request. */
const downloads = (page, requests) =>
  page.evaluate(async (requests) => {
    const tools = await import('/tools.js');
    const results = [];
    for (const [kind, options] of requests) {
      const result = await tools.download(kind, options);
      // A canvas does not cross into node: its size and two pixels do.
      if (result.canvas) {
        const { width, height } = result.canvas;
        const ctx = result.canvas.getContext('2d');
        const pixel = (x, y) => Array.from(ctx.getImageData(x, y, 1, 1).data);
        result.canvas = { width, height, isCanvas: result.canvas instanceof HTMLCanvasElement, corner: pixel(2, 2) };
        // The headline's row: some pixel in it is not the background.
        const row = ctx.getImageData(48, 190, 600, 40).data;
        result.canvas.inked = row.some((v, i) => i % 4 !== 3 && v !== result.canvas.corner[i % 4]);
      }
      results.push(result);
    }
    return results;
  }, requests);

test('the CSV and the JSON are what the command line prints', { skip }, async () => {
  await withPage(dist, '/', async (page) => {
    const { fragment } = cli;
    const link = `${BASE}#${fragment}`;
    const [csv, json] = await downloads(page, [
      ['csv', { fragment, link, sandboxed: true }],
      ['json', { fragment, sandboxed: true }],
    ]);
    assert.equal(csv.saved, false);
    assert.equal(csv.text, cli.csv, 'the CSV of `fortress eval --csv`');
    assert.deepEqual(parseCsv(csv.text).slice(0, 3), [['title', "OpenAI's $110B round, February 2026"], ['as_of', '2026-02-27'], ['link', link]]);
    const rows = table(csv.text);
    const microsoft = rows.find((r) => r.stage === 'February 2026' && r.holder_id === 'microsoft');
    assert.equal(microsoft.percent, '23.464286');
    assert.equal(microsoft.shares, '270000000000');
    assert.equal(rows.filter((r) => r.stage === 'Before').length, 3);
    assert.equal(rows.filter((r) => r.stage === 'February 2026').length, 6);
    assert.equal(json.text, cli.json.trimEnd(), 'the JSON of `fortress eval --with-scenario`');
    assert.deepEqual(Object.keys(JSON.parse(json.text)), ['scenario', 'outcome']);
  });
});

test('the picture is a 1280 px canvas and SVG text with the headline', { skip }, async () => {
  await withPage(dist, '/', async (page) => {
    const { fragment } = cli;
    const options = { fragment, link: `${BASE}#${fragment}`, focus: 'microsoft', sandboxed: true };
    const [dark, light, svg] = await downloads(page, [
      ['png', { ...options, scheme: 'dark' }],
      ['png', { ...options, scheme: 'light' }],
      ['svg', { ...options, scheme: 'light' }],
    ]);
    assert.equal(dark.saved, false);
    assert.ok(dark.canvas.isCanvas, 'a canvas element');
    assert.equal(dark.canvas.width, 1280);
    assert.ok(dark.canvas.height > 1200 && dark.canvas.height < 4000, `height ${dark.canvas.height}`);
    assert.deepEqual(dark.canvas.corner, [0x0d, 0x11, 0x17, 255], 'the dark background');
    assert.deepEqual(light.canvas.corner, [255, 255, 255, 255], 'the light background');
    assert.ok(dark.canvas.inked && light.canvas.inked, 'the headline is drawn');
    assert.equal(svg.saved, false);
    assert.ok(svg.text.startsWith('<svg'), svg.text.slice(0, 40));
    assert.ok(svg.text.includes(`>${HEADLINE}</text>`), 'the headline');
    // The key term's line, wrapped over lines of 14 px text.
    const keyTerm = [...svg.text.matchAll(/<text [^>]*font-size="14"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    assert.equal(
      keyTerm,
      'Azure API exclusivity: In force on 2026-02-27 \u00b7 stakes have no bearing on it \u00b7 ends 2026-04-27 by the amendment',
    );
    assert.match(svg.text, /^<svg [^>]*width="640" height="(\d+)" viewBox="0 0 640 \1"/);
    // Well-formed XML, by the browser's own parser.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: doc.querySelectorAll('text').length };
    }, svg.text);
    assert.equal(parsed.error, null);
    assert.ok(parsed.texts > 40, `${parsed.texts} texts`);
  });
});

test('a download saves a real file with the name asked for', { skip }, async () => {
  await withPage(dist, '/', async (page) => {
    const { fragment } = cli;
    const [file, [result]] = await Promise.all([
      page.waitForEvent('download'),
      downloads(page, [['csv', { fragment, link: `${BASE}#${fragment}`, name: 'fortress-feb-2026' }]]),
    ]);
    assert.deepEqual(result, { saved: true });
    assert.equal(file.suggestedFilename(), 'fortress-feb-2026.csv');
    assert.equal(await readFile(await file.path(), 'utf8'), cli.csv);
  });
});

test('under the strict CSP the PNG is drawn and saved', { skip }, async () => {
  const ready = (page) => drawn(page.locator('fortress-widget#strict'));
  await withPage(
    dist,
    'csp.html',
    async (page) => {
      const { fragment } = cli;
      const [file, [result]] = await Promise.all([
        page.waitForEvent('download'),
        downloads(page, [['png', { fragment, focus: 'amazon', scheme: 'light', name: 'Amazon: a picture!' }]]),
      ]);
      assert.deepEqual(result, { saved: true });
      assert.equal(file.suggestedFilename(), 'Amazon-a-picture.png');
      const png = await readFile(await file.path());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(png.readUInt32BE(16), 1280, 'the PNG is 1280 px wide');
    },
    { ready },
  );
});

test('in the sandboxed iframe form the files come back to show, not to save', { skip }, async () => {
  const ready = (page) => drawn(page.frameLocator('#frame'));
  await withPage(
    dist,
    'iframe-host.html',
    async (page) => {
      const frame = page.frames().find((f) => f.url().includes('/frame.html'));
      const got = await frame.evaluate(async (fragment) => {
        // An opaque origin: the module and the wasm are cross-origin fetches that CORS allows.
        const tools = await import(new URL('tools.js', location.href).href);
        const png = await tools.download('png', { fragment, focus: 'microsoft', scheme: 'dark', sandboxed: true });
        const csv = await tools.download('csv', { fragment, sandboxed: true });
        return { origin: self.origin, width: png.canvas?.width, saved: [png.saved, csv.saved], csv: csv.text };
      }, cli.fragment);
      assert.equal(got.origin, 'null', 'the frame is sandboxed');
      assert.deepEqual(got.saved, [false, false]);
      assert.equal(got.width, 1280);
      assert.ok(got.csv.includes('\r\nFebruary 2026,2026-02-27,microsoft,Microsoft,23.464286,'), got.csv);
    },
    { ready },
  );
});

test('errors resolve to a plain message, never a rejection', { skip }, async () => {
  await withPage(dist, '/', async (page) => {
    const { fragment } = cli;
    const results = await downloads(page, [
      ['csv', { fragment: '1.BQAgX', sandboxed: true }],
      ['json', { fragment: 'not a link' }],
      ['png', { fragment, scheme: 'sepia', sandboxed: true }],
      ['gif', { fragment }],
      ['svg', undefined],
    ]);
    const want = [
      /^link: this link is damaged: its check characters do not match/,
      /^link: this link is damaged: it is not a Fortress link$/,
      /^scheme: must be "light" or "dark", not "sepia"$/,
      /^Fortress cannot make a "gif" file/,
      /^link: this link is damaged/,
    ];
    for (const [i, result] of results.entries()) {
      assert.equal(result.saved, false, `${i}`);
      assert.match(result.error, want[i]);
    }
  });
});

test('the standalone page does not fetch the tools when it opens', { skip }, async () => {
  await withPage(dist, '/', async (page) => {
    await page.waitForLoadState('networkidle');
    const fetched = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.includes('tools'))
          .sort(),
      );
    assert.deepEqual(await fetched(), [], 'nothing of the tools once the page has drawn');
    await downloads(page, [['csv', { fragment: cli.fragment, sandboxed: true }]]);
    assert.deepEqual(await fetched(), ['/fortress-tools.js', '/fortress-tools_bg.wasm', '/tools.js'], 'when asked');
  });
});
