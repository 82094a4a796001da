// End-to-end specs of the sensitivity map: it is loaded (the reader tools' wasm) only when a reader
// shows it; it renders, its marked cell is the scenario as it is (the holder in focus's stake reads
// as the cap table's), and picking a cell (click or Enter) moves the sliders and the table. Needs
// `trunk build --release` first; skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;
const SHOTS = process.env.SHOTS_DIR || '/tmp/shots';


/** Opens the widget, shows the map and waits until it has drawn, runs `body`. */
const withWidget = (body) =>
  withPage(dist, '', async (page) => {
    await page.locator('#sensitivity-show').click();
    await page.locator('#sensitivity-map canvas').waitFor({ timeout: 10_000 });
    await body(page);
  }, { viewport: { width: 1280, height: 900 } });

const tableStake = (page, holder) =>
  page.locator(`#cap-table tr[data-holder="${holder}"] td[data-col="percent-after"]`).innerText();
const sliderValue = (page, id) => page.locator(`#${id}-slider`).inputValue();
const boxValue = (page, id) => page.locator(`#${id}-box`).inputValue();

test('the map is loaded only when a reader shows it, and the button says whether it is shown', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const show = page.locator('#sensitivity-show');
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#sensitivity-map').count(), 0);
    assert.ok(!fetched.some((path) => /tools/.test(path)), `nothing of the tools before: ${fetched}`);
    // From the keyboard: the button takes the focus and Enter shows the map.
    await show.focus();
    await page.keyboard.press('Enter');
    await page.locator('#sensitivity-map canvas').waitFor({ timeout: 10_000 });
    assert.ok(fetched.some((path) => path.endsWith('/fortress-tools_bg.wasm')), `the tools' wasm: ${fetched}`);
    assert.equal(await show.getAttribute('aria-expanded'), 'true');
    assert.equal(await show.innerText(), 'Hide the sensitivity map');
    assert.equal(await page.locator('#sensitivity-status').innerText(), '');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#sensitivity-panel').isVisible(), false);
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
  });
});

test('a map that cannot be loaded says so, and the widget carries on', { skip }, async () => {
  await withPage(dist, '', async (page) => {
    await page.route('**/fortress-tools_bg.wasm', (route) => route.abort());
    await page.locator('#sensitivity-show').click();
    await page.locator('#sensitivity-status').filter({ hasText: 'could not be loaded' }).waitFor({ timeout: 10_000 });
    // The rest of the widget still answers.
    await page.locator('#valuation-box').fill('1000');
    await page.locator('#cap-table tr[data-holder="microsoft"] td[data-col="percent-after"]').filter({ hasText: '24.3243%' }).waitFor();
  }, { allowErrors: /Failed to load resource|ERR_FAILED/ });
});

test('the map renders a 64 x 64 grid with the scenario as it is marked', { skip }, async () => {
  await withWidget(async (page) => {
    const map = page.locator('#sensitivity-map');
    assert.equal(await map.getAttribute('data-grid-cells'), '4096');
    assert.equal(await map.getAttribute('tabindex'), '0');
    const canvas = page.locator('#sensitivity-map canvas');
    assert.equal(await canvas.getAttribute('width'), '64');
    // The canvas has been painted: its pixels are not all transparent.
    const painted = await canvas.evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let opaque = 0;
      for (let i = 3; i < d.length; i += 4) opaque += d[i] === 255;
      return opaque;
    });
    assert.equal(painted, 4096);
    const mark = page.locator('#sensitivity-mark');
    assert.deepEqual([await mark.getAttribute('data-column'), await mark.getAttribute('data-row')], ['31', '31']);
    // The marked cell's numbers are the scenario's: Microsoft's stake as the cap table writes it.
    const stake = await tableStake(page, 'microsoft');
    assert.equal(stake, '23.4643%');
    assert.equal(await page.locator('#sensitivity-current').innerText(), stake);
    const readout = await page.locator('#sensitivity-readout').innerText();
    assert.match(readout, /Round \$110B at \$730B pre-money: Microsoft 23\.4643%, Azure API exclusivity/);
    assert.equal(await page.locator('#sensitivity-readout').getAttribute('aria-live'), 'polite');
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('section.sensitivity').screenshot({ path: `${SHOTS}/sensitivity-1280.png` });
  });
});

test('the marked cell follows the sliders and the holder in focus', { skip }, async () => {
  await withWidget(async (page) => {
    await page.locator('#valuation-box').fill('1000');
    await page.locator('#cap-table tr[data-holder="microsoft"] td[data-col="percent-after"]').filter({ hasText: '24.3243%' }).waitFor();
    assert.equal(await page.locator('#sensitivity-current').innerText(), '24.3243%');
    await page.locator('#focus').selectOption('amazon');
    const amazon = await tableStake(page, 'amazon');
    await page.locator('#sensitivity-current').filter({ hasText: amazon }).waitFor({ timeout: 5_000 });
  });
});

test('arrow keys read cells out, Enter sets the round to one', { skip }, async () => {
  await withWidget(async (page) => {
    const map = page.locator('#sensitivity-map');
    await map.focus();
    // Sixteen cells left: the round at 16/32 of its size ($55B); one up: the valuation at 33/32.
    for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    const readout = page.locator('#sensitivity-readout');
    assert.deepEqual([await readout.getAttribute('data-column'), await readout.getAttribute('data-row')], ['15', '32']);
    assert.match(await readout.innerText(), /^Round \$55B at \$753B pre-money: Microsoft \d+\.\d{4}%/);
    const promised = (await readout.innerText()).match(/Microsoft (\d+\.\d{4}%)/)[1];
    await page.keyboard.press('Enter');
    // The sliders moved: the cheques halved ($25B, $15B, $15B) and the valuation is 33/32 of $730B.
    await page.waitForFunction(() => document.querySelector('#amount-amazon-box')?.value === '25', null, { timeout: 5_000 });
    assert.equal(await boxValue(page, 'amount-amazon'), '25');
    assert.equal(await boxValue(page, 'amount-nvidia'), '15');
    assert.equal(await sliderValue(page, 'amount-softbank'), '15');
    assert.equal(await boxValue(page, 'valuation'), '752.8125');
    // ... and the table shows the stake the cell promised; that cell is now the marked one.
    assert.equal(await tableStake(page, 'microsoft'), promised);
    assert.equal(await page.locator('#sensitivity-current').innerText(), promised);
  });
});

test('a click on a cell moves the sliders and the table', { skip }, async () => {
  await withWidget(async (page) => {
    const canvas = page.locator('#sensitivity-map canvas');
    const box = await canvas.boundingBox();
    const before = await tableStake(page, 'microsoft');
    // The top-left corner: 1/32 of the round ($3.4375B) at twice the valuation ($1,460B).
    await canvas.click({ position: { x: 2, y: 2 } });
    await page.waitForFunction(() => document.querySelector('#valuation-box')?.value === '1460', null, { timeout: 5_000 });
    assert.equal(await boxValue(page, 'valuation'), '1460');
    assert.equal(await sliderValue(page, 'valuation'), '1460');
    assert.equal(await boxValue(page, 'amount-amazon'), '1.5625');
    assert.equal(await boxValue(page, 'amount-nvidia'), '0.9375');
    const after = await tableStake(page, 'microsoft');
    assert.notEqual(after, before);
    assert.equal(await page.locator('#sensitivity-current').innerText(), after);
  });
});
