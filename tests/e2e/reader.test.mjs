// End-to-end specs of the reader's tools in the widget: comparing with a baseline (the table's
// baseline columns, the headline's difference, a link that carries the baseline), the download
// buttons (a CSV that parses, a PNG at least 1200 px wide, from the keyboard too, and in the
// sandboxed iframe the file shown instead), and the printed page (no controls; the table, the terms,
// the sources and the link written out).
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cell, drawn, expectCell, pct, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;

// The default scenario: $110B at $730B pre-money, Microsoft 27% before. Moving Amazon's cheque from
// $50B to $60B makes the round $120B.
const BEFORE = 27;
const microsoftAfter = (roundBillions) => (BEFORE * 730) / (730 + roundBillions);
const BASELINE = microsoftAfter(110);
const MOVED = microsoftAfter(120);

/** Moves the Amazon slider to $60B, as a reader's drag ends: the input event of a range input. */
async function moveAmazon(page) {
  await page.locator('#amount-amazon-slider').fill('60');
  await expectCell(page, 'microsoft', 'percent-after', pct(MOVED));
}

test('after the Amazon slider moves, the table and the headline compare with the preset', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    // Nothing to compare with before anything moved.
    assert.equal(await page.locator('#cap-table th.baseline').count(), 0);
    await moveAmazon(page);
    assert.equal(await page.locator('#cap-table th.baseline').count(), 2);
    assert.equal(await cell(page, 'microsoft', 'baseline-after').innerText(), pct(BASELINE));
    assert.equal(await cell(page, 'microsoft', 'baseline-change').innerText(), (MOVED - BASELINE).toFixed(4));
    assert.equal(await cell(page, 'amazon', 'baseline-change').innerText().then((t) => t.startsWith('+')), true);
    assert.match(await page.locator('#compared-with').innerText(), /^Baseline: the preset as published/);
    assert.match(await page.locator('#headline').innerText(), /\(-0\.2761 points against the baseline\)/);
    // The chart draws the baseline beside the bars.
    assert.ok((await page.locator('#ownership-chart [data-stage="baseline"]').count()) >= 6);
    // Compare with nothing: the columns go.
    await page.locator('#compare').selectOption('off');
    await page.locator('#cap-table th.baseline').first().waitFor({ state: 'detached' });
  });
});

test('a link with a pinned baseline reopens with the same comparison', { skip }, async () => {
  let link;
  let want;
  await withPage(dist, '', async (page) => {
    await page.locator('#compare').selectOption('pin');
    await moveAmazon(page);
    await cell(page, 'microsoft', 'baseline-after').waitFor();
    want = await page.locator('#cap-table').innerText();
    assert.match(want, new RegExp(pct(BASELINE).replace('.', '\\.')));
    link = new URL(await page.locator('#share-link').inputValue());
  });
  await withPage(dist, `/${link.hash}`, async (page) => {
    assert.equal(await page.locator('#compare').inputValue(), 'pinned');
    assert.equal(await page.locator('#cap-table').innerText(), want);
    assert.match(await page.locator('#compared-with').innerText(), /the scenario you pinned/);
  });
});

/** The rows of an RFC 4180 CSV's table (after its leading key-value rows and an empty line). */
function csvTable(text) {
  const lines = text.slice(text.indexOf('\r\n\r\n') + 4).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  // The default scenario's names have no commas or quotes: a plain split is enough here.
  return lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
}

test('"CSV" saves the cap table of every stage; Microsoft after the round reads 23.464286', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    assert.equal(file.suggestedFilename(), 'fortress-feb-2026.csv');
    const text = await readFile(await file.path(), 'utf8');
    assert.match(text, /^title,"OpenAI's \$110B round, February 2026"\r\n/);
    assert.match(text, /\r\nlink,http:\/\/127\.0\.0\.1:\d+\/#1\./);
    const rows = csvTable(text);
    const after = rows.find((r) => r.stage === 'February 2026' && r.holder_id === 'microsoft');
    assert.equal(after.percent, '23.464286');
    assert.equal(after.shares, '270000000000');
    assert.deepEqual([...new Set(rows.map((r) => r.stage))], ['Before', 'February 2026']);
    await page.locator('#save-status').filter({ hasText: 'Saved fortress-feb-2026.csv.' }).waitFor();
    assert.equal(await page.locator('#save-status').getAttribute('role'), 'status');
  });
});

test('"Image (PNG)" from the keyboard saves a PNG at least 1200 px wide; SVG and JSON save too', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    await page.locator('#download-png').focus();
    const [png] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(png.suggestedFilename(), 'fortress-feb-2026.png');
    const bytes = await readFile(await png.path());
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(bytes.readUInt32BE(16) >= 1200, `${bytes.readUInt32BE(16)} px wide`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#download-svg').click()]);
    assert.match(await readFile(await svg.path(), 'utf8'), /^<svg [^>]*width="640"/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    const both = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.deepEqual(Object.keys(both), ['scenario', 'outcome']);
  });
});

test('in the sandboxed iframe the files are shown to save by hand', { skip }, async () => {
  const ready = (page) => drawn(page.frameLocator('#frame'));
  await withPage(
    dist,
    'iframe-host.html',
    async (page) => {
      const frame = page.frameLocator('#frame');
      await frame.locator('#download-csv').click();
      const text = frame.locator('#save-text');
      await text.waitFor();
      // (A text field's value has its line ends as \n.)
      assert.match(await text.inputValue(), /\nFebruary 2026,2026-02-27,microsoft,Microsoft,23\.464286,/);
      assert.match(await frame.locator('#save-status').innerText(), /may not download files/);
      await frame.locator('#download-png').click();
      const canvas = frame.locator('#save-shown canvas');
      await canvas.waitFor();
      assert.equal(await canvas.evaluate((c) => c.width), 1280);
    },
    { ready },
  );
});

test('printed, the page shows the headline, the table, the terms, the sources and the link, no controls', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#valuation-slider', '#copy-link', '#download-csv', '#preset', '#sensitivity-show']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    for (const shown of ['#headline', '#cap-table', '#terms-heading', '#sources', '#print-link']) {
      assert.equal(await page.locator(shown).isVisible(), true, `${shown} is printed`);
    }
    const link = await page.locator('#print-link').innerText();
    assert.match(link, /^This scenario online: http:\/\/127\.0\.0\.1:\d+\/#1\./);
    // On screen, the link line is not there.
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('#print-link').isVisible(), false);
    // A4 and Letter: the page prints without error, in the light scheme.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    assert.ok((await page.pdf({ format: 'Letter' })).length > 1000);
  });
});
