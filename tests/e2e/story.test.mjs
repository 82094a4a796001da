// End-to-end specs of the story over time: the exclusivity answer on the first screen, the as-of
// date that ends it, the timeline that sets the date from the keyboard, the table that moves with
// the date when the money is counted as paid, and the sources a reader can open.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectCell, moreControls, pct, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;

const keyTerm = (page) => page.locator('#key-term');

test('the first screen says the stake and whether Azure API exclusivity holds, on a phone and a desktop', { skip }, async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await withPage(dist, '', async (page) => {
      for (const id of ['#headline', '#key-term']) {
        const box = await page.locator(id).boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `${id} in the first screen at ${viewport.width}px`);
      }
      assert.match(await page.locator('#headline').innerText(), /Microsoft 27\.0% → 23\.5%/);
      const line = await keyTerm(page).innerText();
      assert.match(line, /^Azure API exclusivity: .*In force on Feb 27, 2026/);
      assert.match(line, /stakes have no bearing on it/);
      assert.match(line, /ends Apr 27, 2026 by the amendment/);
      assert.equal(await keyTerm(page).getAttribute('data-status'), 'in_force');
    }, { viewport });
  }
});

test('moving the as-of date past 2026-04-27 turns exclusivity to ended, and back', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    await page.locator('#as-of-box').fill('2026-04-27');
    await page.locator('#key-term[data-status="ended"]').waitFor({ timeout: 5_000 });
    assert.match(await keyTerm(page).innerText(), /Ended on Apr 27, 2026 .* ended Apr 27, 2026 by the amendment/);
    await page.locator('#as-of-box').fill('2026-04-26');
    await page.locator('#key-term[data-status="in_force"]').waitFor({ timeout: 5_000 });
  });
});

test('a what-if on the stake shows as the reason on the first screen', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    await moreControls(page);
    await page.locator('#whatif-floor-on').check();
    await page.getByRole('textbox', { name: /Azure API exclusivity ends if Microsoft's stake falls below/ }).fill('25');
    await page.locator('#key-term[data-status="ended"]').waitFor({ timeout: 5_000 });
    assert.match(await keyTerm(page).innerText(), /ended by your what-if .*\(23\.4643%\) is below 25%/);
  });
});

test('the timeline sets the as-of date from the keyboard', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    const amendment = page.locator('#timeline li[data-date="2026-04-27"] button');
    assert.equal(await amendment.getAttribute('aria-pressed'), 'false');
    await amendment.focus();
    await page.keyboard.press('Enter');
    await page.locator('#key-term[data-status="ended"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#as-of-box').inputValue(), '2026-04-27');
    assert.equal(await amendment.getAttribute('aria-pressed'), 'true');
    // The recapitalization, by keyboard too: the terms are judged on 2025-10-28.
    const recap = page.locator('#timeline li[data-date="2025-10-28"] button');
    await recap.focus();
    await page.keyboard.press('Space');
    await page.locator('#key-term[data-status="in_force"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#as-of-box').inputValue(), '2025-10-28');
    // What changed, in words: exclusivity in force from the recapitalization, ended by the amendment.
    const change = await page.locator('#term-changes li[data-term="azure-api-exclusivity"]').innerText();
    assert.match(change, /In force Oct 28, 2025 \(the recapitalization\) → .*Ended Apr 27, 2026 \(the amendment\)/);
    assert.equal(await page.locator('#timeline-table tbody tr').count(), 16, 'every term in the table');
  });
});

test('counted as paid, the table moves across a tranche date', { skip }, async () => {
  await withPage(dist, '?preset=oct-2026-funded', async (page) => {
    // On 2026-10-01 every payment is in: the final close's table, 27% x 730/852.
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / 852));
    await page.locator('#as-of-box').fill('2026-03-31');
    // Paid by the close: Amazon $15B, Nvidia $30B, the later investors $12B (SoftBank nothing yet).
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / (730 + 57)));
    await expectCell(page, 'softbank', 'percent-after', pct(0));
    assert.match(await page.locator('#pending').innerText(), /SoftBank: \$10B due Apr 1, 2026/);
    // SoftBank's first tranche, the next day.
    await page.locator('#timeline li[data-date="2026-04-01"] button').click();
    await expectCell(page, 'softbank', 'percent-after', pct((10 / (730 + 67)) * 100));
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / (730 + 67)));
    // Counted as committed, the date no longer moves the table.
    await page.locator('#count-committed').check();
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / 852));
    assert.equal(await page.locator('#pending').count(), 0);
  });
});

test('sources are links that open in a new tab, with their date and confidence', { skip }, async () => {
  await withPage(dist, '?preset=apr-2026-amendment', async (page) => {
    const term = page.locator('#terms li[data-term="azure-api-exclusivity"]');
    const link = term.locator('a.source-link');
    assert.match(await link.getAttribute('href'), /^https:\/\/openai\.com\/index\/next-phase-of-microsoft-partnership/);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    assert.match(await term.innerText(), /\(official text\)/);
    // The cap is a figure with its own, lower confidence.
    assert.match(await page.locator('#terms li[data-term="revenue-share"]').innerText(), /\$38B.*\(press only\)/s);
    // The contested AGI terms say so in words.
    assert.equal(await page.locator('#terms li[data-term="expert-panel"]').getAttribute('data-status'), 'contested');
    await page.locator('summary', { hasText: 'Sources of the figures' }).click();
    const sources = page.locator('#sources li');
    const linked = await sources.locator('a.source-link').count();
    assert.ok(linked >= 4, `${linked} sources are links`);
    assert.match(await sources.filter({ hasText: 'The AGI clause' }).innerText(), /The Verge, Apr 27, 2026.*disputed/is);
  });
});
