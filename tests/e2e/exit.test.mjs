// End-to-end specs of the exit section (the full build's): a scenario with share classes shows who
// gets what at a sale, as a table, a stacked bar and each class's choice in words; the sale price
// moves with the slider and the box (pointer, touch or keyboard), a bad price is refused in place,
// and the link carries the price. The standalone page hands such a scenario to the full build.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawn, fromRoot, moreControls, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;
const AXE = fromRoot('node_modules/axe-core/axe.min.js');

/** The exit table's cell `col` of `holder`. */
const exitCell = (page, holder, col) => page.locator(`#exit-table tr[data-holder="${holder}"] td[data-col="${col}"]`);

/** Waits until that cell reads `text`; the failure says what it reads instead. */
async function expectExit(page, holder, col, text) {
  await assert.doesNotReject(
    exitCell(page, holder, col).filter({ hasText: text }).waitFor({ timeout: 5_000 }),
    `${holder} ${col} should read ${text}, reads ${await exitCell(page, holder, col).textContent()}`,
  );
}

/** Opens the standalone page on the exit what-if (picked from the presets: the full build takes over). */
async function exitWhatIf(page) {
  await page.locator('#preset').selectOption('exit-what-if');
  await page.locator('#exit-table').waitFor({ timeout: 20_000 });
  await drawn(page);
}

test('the exit what-if shows who gets what at $500B, and why', { skip }, async () => {
  await withPage(dist, 'index.html', async (page) => {
    assert.equal(await page.locator('#exit-table').count(), 0, 'the default scenario has no exit section');
    await exitWhatIf(page);
    // FACTS.md, exit-what-if: the 2026 round's $122B preference first, the other $378B by stake.
    await expectExit(page, 'microsoft', 'exact', '$102,060,000,000');
    await expectExit(page, 'amazon', 'exact', '$50,000,000,000');
    await expectExit(page, 'amazon', 'holds', 'Final close, March 2026 preferred');
    const choices = page.locator('#exit-choices');
    assert.match(await choices.innerText(), /takes its preference/);
    assert.match(await choices.innerText(), /converting would pay \$71,596,244,130/);
    // The bar names its segments: colour is not the only sign.
    assert.match(await page.locator('#exit-bar').innerHTML(), />Microsoft</);
    assert.equal(await page.getByRole('img', { name: /Who gets what of \$500B/ }).count(), 1);
  });
});

test('the sale price moves by slider, box and keyboard, and the link keeps it', { skip }, async () => {
  let link;
  await withPage(dist, 'index.html', async (page) => {
    await exitWhatIf(page);
    const box = page.getByRole('textbox', { name: 'Sale price' });
    assert.equal(await box.inputValue(), '500');
    // Above $852B converting pays the 2026 investors more than their money back.
    await box.fill('1200');
    await expectExit(page, 'amazon', 'gets', '$70.4B');
    assert.match(await page.locator('#exit-choices').innerText(), /converts to common/);
    // The keyboard: the slider steps by $10B.
    const slider = page.getByRole('slider', { name: 'Sale price' });
    await slider.focus();
    const before = await page.evaluate(() => location.hash);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#exit-box')?.value === '1210');
    // The address is written a quarter second after the edit is painted: wait until it settles.
    await page.waitForFunction((h) => location.hash !== h, before);
    await page.waitForTimeout(800);
    link = await page.evaluate(() => location.href);
  });
  await withPage(dist, link, async (page) => {
    await page.locator('#exit-table').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole('textbox', { name: 'Sale price' }).inputValue(), '1210');
  }, { ready: (p) => p.locator('#exit-table').waitFor({ timeout: 20_000 }) });
});

test('a bad sale price is refused beside the box, and the last good exit stays', { skip }, async () => {
  await withPage(dist, 'index.html', async (page) => {
    await exitWhatIf(page);
    const box = page.getByRole('textbox', { name: 'Sale price' });
    await box.fill('abc');
    const message = page.locator('#error-exit');
    await message.waitFor({ timeout: 5_000 });
    assert.match(await message.innerText(), /abc/);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    await expectExit(page, 'microsoft', 'exact', '$102,060,000,000');
    await box.fill('600');
    await page.locator('#error-exit').waitFor({ state: 'detached', timeout: 5_000 });
  });
});

test('the exit section passes axe-core', { skip }, async () => {
  await withPage(dist, 'index.html', async (page) => {
    await exitWhatIf(page);
    await page.addScriptTag({ path: AXE });
    const section = await page.evaluate(async () => {
      const result = await window.axe.run({ include: [['section.exit']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target?.join(' ')}`);
    });
    assert.deepEqual(section, []);
  });
});

test('the sensitivity map colours by proceeds at the sale, with the figures read out', { skip }, async () => {
  await withPage(dist, 'index.html', async (page) => {
    await exitWhatIf(page);
    await page.locator('#sensitivity-show').click();
    await page.locator('#sensitivity-map canvas').waitFor({ timeout: 10_000 });
    const pixels = () =>
      page.locator('#sensitivity-map canvas').evaluate((c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(','));
    const byStake = await pixels();
    const proceeds = page.getByRole('radio', { name: 'Proceeds at a $500B sale' });
    await proceeds.check();
    // The round as it is, marked: Microsoft gets 27% of what the $122B preference leaves.
    const readout = page.locator('#sensitivity-readout');
    await readout.filter({ hasText: 'gets $102B at a $500B sale' }).waitFor({ timeout: 20_000 });
    assert.notEqual(await pixels(), byStake, 'the map is drawn anew by proceeds');
    // The keyboard reads another cell's proceeds: a larger round takes a larger preference first.
    await page.locator('#sensitivity-map').focus();
    await page.keyboard.press('ArrowRight');
    const next = await readout.innerText();
    const amount = Number(next.match(/gets \$(\d+(?:\.\d+)?)B at a \$500B sale/)[1]);
    assert.ok(amount < 102, next);
  });
});

test("a reader gives the round's shares a preference, and the exit section shows what it does", { skip }, async () => {
  await withPage(dist, 'index.html', async (page) => {
    assert.equal(await page.locator('#exit-table').count(), 0);
    await moreControls(page);
    await page.getByRole('checkbox', { name: 'Preferred shares, with a liquidation preference' }).check();
    // No sale price yet: the $840B post-money is shared out; the new money takes its 1x first.
    await page.locator('#exit-table').waitFor({ timeout: 5_000 });
    assert.match(await page.locator('#exit-summary').innerText(), /No sale price is set: the last post-money valuation, \$840B/);
    await expectExit(page, 'amazon', 'exact', '$50,000,000,000');
    // 1.5x: Amazon takes $75B, more than its 50/840 of $840B.
    await page.getByRole('textbox', { name: 'Liquidation preference (times the price paid)' }).fill('1.5');
    await expectExit(page, 'amazon', 'exact', '$75,000,000,000');
    // Capped participation shows its cap; a cap below the preference is refused beside it.
    await page.getByRole('radio', { name: 'Participates to a cap' }).check();
    const cap = page.getByRole('textbox', { name: 'Participation cap (times the price paid, preference included)' });
    assert.equal(await cap.inputValue(), '3');
    await cap.fill('1');
    await page.locator('#error-cap').filter({ hasText: 'The cap must not be below the preference.' }).waitFor({ timeout: 5_000 });
    await cap.fill('3');
    await page.locator('#error-cap').waitFor({ state: 'detached', timeout: 5_000 });
    // At a $2,000B sale, converting would pay Amazon 50/840 of it, $119B; participating pays its $75B
    // preference and its share of the rest, up to its 3x cap ($150B): it participates.
    const before = await page.evaluate(() => location.hash);
    await page.getByRole('textbox', { name: 'Sale price' }).fill('2000');
    await expectExit(page, 'amazon', 'gets', '$');
    assert.match(await page.locator('#exit-choices').innerText(), /preference and participation|participation to its cap/);
    // The link carries the terms: reopened, the controls and the section are as they were. (The
    // address is written a quarter second after each edit is painted: wait until it settles.)
    await page.waitForFunction((h) => location.hash !== h, before);
    await page.waitForTimeout(800);
    const link = await page.evaluate(() => location.href);
    const again = await page.context().newPage();
    await again.goto(link);
    await again.locator('#exit-table').waitFor({ timeout: 20_000 });
    assert.equal(await again.getByRole('textbox', { name: 'Sale price' }).inputValue(), '2000');
    await again.close();
  });
});
