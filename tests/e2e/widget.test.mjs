// End-to-end specs of the widget: the release build in dist/, driven in headless Chromium the way a
// reader drives it (mouse, keyboard, typing), checked against the worked numbers of FACTS.md.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
// Screenshots at 360 px and 1280 px go to /tmp/shots/ (SHOTS_DIR overrides) for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { cell, expectCell, moreControls, pct, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;
const SHOTS = process.env.SHOTS_DIR || '/tmp/shots';


/** Opens the widget, runs `body(page)`, and fails on any console error or page error. */
const withWidget = (body, viewport = { width: 1280, height: 900 }) => withPage(dist, '', body, { viewport });

const afterBar = (page, holder) =>
  page.locator(`#ownership-chart rect[data-holder="${holder}"][data-stage="after"]`);
const barWidth = async (page, holder) => Number(await afterBar(page, holder).getAttribute('width'));

test('the default scenario shows the worked numbers, labelled controls and the chart', { skip }, async () => {
  await withWidget(async (page) => {
    const cases = [
      ['microsoft', 'percent-before', '27.0000%'],
      ['microsoft', 'percent-after', '23.4643%'],
      ['foundation', 'percent-after', '22.5952%'],
      ['others', 'percent-after', '40.8452%'],
      ['amazon', 'percent-after', '5.9524%'],
      ['nvidia', 'percent-after', '3.5714%'],
      ['microsoft', 'value-after', '$197B'],
    ];
    for (const [holder, col, text] of cases) await expectCell(page, holder, col, text);
    assert.equal((await page.locator('#headline').innerText()).trim(), 'Microsoft 27.0% → 23.5%, worth $197B');
    for (const label of ['Amazon investment', 'Nvidia investment', 'Pre-money valuation', 'Microsoft stake',
      'As-of date', 'AGI declared', 'AGI verified']) {
      assert.equal(await page.getByRole('textbox', { name: label, exact: true }).count(), 1, `a box named ${label}`);
    }
    assert.equal(await page.getByRole('slider', { name: 'Amazon investment' }).count(), 1);
    assert.equal(await page.locator('#ownership-chart rect[data-stage="after"]').count(), 6);
    assert.match(await page.locator('#ownership-chart').getAttribute('role'), /img/);
    assert.match(await page.locator('#ownership-chart desc').textContent(), /Microsoft: 27.0% before, 23.5% after/);
    assert.ok((await page.locator('#cap-table caption').textContent()).length > 0);
  });
});

test('dragging the Amazon slider with the mouse moves the box, the table and the chart', { skip }, async () => {
  await withWidget(async (page) => {
    const slider = page.locator('#amount-amazon-slider');
    const box = await slider.boundingBox();
    const widthBefore = await barWidth(page, 'amazon');
    // The thumb sits at $50B on a 0.5..200 scale; grab it and drag to about two thirds.
    const y = box.y + box.height / 2;
    const from = box.x + box.width * ((50 - 0.5) / 199.5);
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.66, y, { steps: 12 });
    await page.mouse.up();
    const typed = await page.locator('#amount-amazon-box').inputValue();
    const amazon = Number(typed);
    assert.ok(amazon > 100 && amazon < 160, `the box follows the slider, reads ${typed}`);
    assert.equal(await slider.inputValue(), typed, 'slider and box agree');
    // $730B pre-money, $60B from Nvidia and SoftBank, and Amazon's new cheque.
    const post = 730 + 60 + amazon;
    await expectCell(page, 'amazon', 'percent-after', pct((amazon / post) * 100));
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / post));
    assert.ok((await barWidth(page, 'amazon')) > widthBefore, 'the after bar grows');
  });
});

test('the keyboard steps a slider: arrows by one step, Page Up by more', { skip }, async () => {
  await withWidget(async (page) => {
    const slider = page.getByRole('slider', { name: 'Microsoft stake' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expectCell(page, 'microsoft', 'percent-before', '27.1000%');
    assert.equal(await page.locator('#stake-microsoft-box').inputValue(), '27.1');
    // The other starting holders absorb the 0.1 point pro rata: 26 and 47 of 73.
    await expectCell(page, 'foundation', 'percent-before', pct(26 - (0.1 * 26) / 73));
    await expectCell(page, 'others', 'percent-before', pct(47 - (0.1 * 47) / 73));
    await expectCell(page, 'microsoft', 'percent-after', pct((27.1 * 730) / 840));
    await page.keyboard.press('PageUp');
    const paged = Number(await page.locator('#stake-microsoft-box').inputValue());
    assert.ok(paged > 27.2, `Page Up moves more than one step, to ${paged}`);
  });
});

test('typing a number applies it precisely', { skip }, async () => {
  await withWidget(async (page) => {
    await page.getByRole('textbox', { name: 'Amazon investment' }).fill('20');
    // $20B on $730B pre-money with $60B from the others: post-money $810B.
    await expectCell(page, 'amazon', 'percent-after', pct((20 / 810) * 100));
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / 810));
    assert.equal(await page.locator('#amount-amazon-slider').inputValue(), '20');
    await page.getByRole('textbox', { name: 'Pre-money valuation' }).fill('1000');
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 1000) / 1080));
  });
});

test('switching to post-money gives the other reading of $730B', { skip }, async () => {
  await withWidget(async (page) => {
    const before = await barWidth(page, 'microsoft');
    await page.getByRole('radio', { name: 'Post-money' }).check();
    await expectCell(page, 'microsoft', 'percent-after', '22.9315%');
    await expectCell(page, 'amazon', 'percent-after', '6.8493%');
    assert.equal(await page.getByRole('textbox', { name: 'Post-money valuation', exact: true }).count(), 1);
    assert.equal(await page.getByRole('textbox', { name: 'Pre-money valuation', exact: true }).count(), 0);
    assert.ok((await barWidth(page, 'microsoft')) < before, 'the Microsoft after bar shrinks');
    assert.match(await page.locator('#headline').innerText(), /22\.9%/);
    assert.ok((await page.locator('.notes .note-disputed').count()) > 0, 'the disputed reading is flagged');
    await page.getByRole('radio', { name: 'Pre-money' }).check();
    await expectCell(page, 'microsoft', 'percent-after', '23.4643%');
  });
});

test('typed garbage shows a message next to the field and keeps the outcome', { skip }, async () => {
  await withWidget(async (page) => {
    const amazon = page.getByRole('textbox', { name: 'Amazon investment' });
    const cases = [
      ['abc', /is not a number/],
      ['-5', /must not be negative/i],
      ['0', /more than 0/],
      ['999999', /at most 5000/],
      ['', /enter an amount/i],
    ];
    for (const [text, message] of cases) {
      await amazon.fill(text);
      const alert = page.locator('#error-amount-amazon');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.innerText(), message, `message for ${JSON.stringify(text)}`);
      assert.equal(await amazon.getAttribute('aria-invalid'), 'true');
      assert.match(await amazon.getAttribute('aria-describedby'), /error-amount-amazon/);
      assert.equal(await amazon.inputValue(), text, 'the box keeps what was typed');
      await expectCell(page, 'microsoft', 'percent-after', '23.4643%');
      await expectCell(page, 'amazon', 'percent-after', '5.9524%');
    }
    await amazon.fill('50');
    await page.locator('.field-error').waitFor({ state: 'detached' });
    assert.equal(await amazon.getAttribute('aria-invalid'), null);
    // A stake beyond 100% is refused the same way.
    await page.getByRole('textbox', { name: 'Microsoft stake' }).fill('120');
    assert.match(await page.locator('#error-stake-microsoft').innerText(), /between 0 and 100/);
    await expectCell(page, 'microsoft', 'percent-before', '27.0000%');
  });
});

test('terms follow the date, the events and the what-if', { skip }, async () => {
  await withWidget(async (page) => {
    const exclusivity = page.locator('#terms li[data-term="azure-api-exclusivity"]');
    if ((await exclusivity.count()) === 0) return; // the term catalogue is not in this build
    assert.equal(await exclusivity.getAttribute('data-status'), 'in_force');
    assert.match(await exclusivity.locator('.status').innerText(), /In force/);
    // The April 2026 amendment ends Azure API exclusivity.
    await page.locator('#as-of-box').fill('2026-05-01');
    await exclusivity.and(page.locator('[data-status="ended"]')).waitFor({ timeout: 5_000 });
    assert.match(await exclusivity.locator('.status').innerText(), /Ended/);
    await page.locator('#as-of-box').fill('2026-02-27');
    await exclusivity.and(page.locator('[data-status="in_force"]')).waitFor({ timeout: 5_000 });
    // The reader's what-if: exclusivity ends if Microsoft falls below 25% (it holds 23.46% after the round).
    // It is among the analysts' controls, which the full build brings, keeping the date set above.
    await moreControls(page);
    assert.equal(await page.locator('#as-of-box').inputValue(), '2026-02-27', 'the scenario is handed over');
    await page.locator('#whatif-floor-on').check();
    await page.getByRole('textbox', { name: "Azure API exclusivity ends if Microsoft's stake falls below" }).fill('25');
    await exclusivity.and(page.locator('[data-status="ended"]')).waitFor({ timeout: 5_000 });
    assert.match(await exclusivity.innerText(), /23\.46/);
    await page.getByRole('textbox', { name: "Azure API exclusivity ends if Microsoft's stake falls below" }).fill('20');
    await exclusivity.and(page.locator('[data-status="in_force"]')).waitFor({ timeout: 5_000 });
    // AGI declared: "not yet" unticked gives a date, and the box can move it.
    await page.getByRole('checkbox', { name: 'AGI declared: not yet' }).uncheck();
    assert.equal(await page.locator('#agi-declared-box').inputValue(), '2026-02-27');
    assert.ok((await page.locator('li[data-product]').count()) > 0, 'routes are listed');
  });
});

test('investors can be added, renamed and removed, and reset restores the preset', { skip }, async () => {
  await withWidget(async (page) => {
    await moreControls(page);
    await page.getByLabel('New investor name').fill('Apple');
    await page.getByRole('button', { name: 'Add investor' }).click();
    // $10B more: post-money $850B.
    await expectCell(page, 'apple', 'percent-after', pct((10 / 850) * 100));
    assert.equal(await page.getByRole('textbox', { name: 'Apple investment' }).inputValue(), '10');
    await page.locator('summary', { hasText: 'Rename holders' }).click();
    await page.getByRole('textbox', { name: 'Rename Apple' }).fill('Apple Inc.');
    await page.getByRole('textbox', { name: 'Rename Apple' }).press('Enter');
    await page.locator('#cap-table th', { hasText: 'Apple Inc.' }).waitFor();
    await page.getByRole('button', { name: 'Remove Apple Inc.' }).click();
    await page.locator('#cap-table tr[data-holder="apple"]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove Nvidia' }).click();
    await expectCell(page, 'microsoft', 'percent-after', pct((27 * 730) / 810));
    await page.getByRole('button', { name: 'Reset to preset' }).click();
    await expectCell(page, 'nvidia', 'percent-after', '3.5714%');
    await page.locator('#preset').selectOption('feb-2026-post');
    await expectCell(page, 'microsoft', 'percent-after', '22.9315%');
  });
});

test('screenshots at 360 px and 1280 px, light and dark', { skip }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      await withWidget(
        async (page) => {
          await page.emulateMedia({ colorScheme });
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no sideways scrolling of the page at ${width} px (${scroll})`);
          await page.screenshot({ path: `${SHOTS}/widget-${width}-${colorScheme}.png` });
          await page.screenshot({ path: `${SHOTS}/widget-${width}-${colorScheme}-full.png`, fullPage: true });
        },
        { width, height: 900 },
      );
    }
  }
});
