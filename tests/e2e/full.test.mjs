// End-to-end specs of the handover from the lighter builds (the standalone page's wasm, the embed's)
// to the full build (the reader tools' wasm): what the lighter builds leave out (the presets other
// than the default on the standalone page, Anthropic's deal, the analysts' controls, a publisher's
// deal file) opens in the full build with the scenario as it was, and a full build that cannot be
// loaded leaves the widget as it was, with a message.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { drawn, expectCell, fromRoot, launchBrowser, moreControls, openPage, startServer } from './harness.mjs';

const built = existsSync(fromRoot('dist/index.html'));
const skip = built ? false : 'no dist/index.html: run `trunk build --release` first';
const DEAL = readFileSync(fromRoot('tests/e2e/fixtures/deal.json'), 'utf8');

/** A page with one embedded widget with `attributes`. */
const embedPage = (attributes) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fortress</title>
<script type="module" src="fortress.js"></script></head>
<body><main><fortress-widget id="w" ${attributes}></fortress-widget></main></body></html>`;

const PAGES = {
  '/anthropic.html': embedPage('preset="anthropic-series-h"'),
  '/funded.html': embedPage('preset="oct-2026-funded"'),
  '/deal.html': embedPage('deal="/deal.json"'),
  '/bad-deal.html': embedPage('deal="/no-such-deal.json"'),
  '/broken-deal.html': embedPage('deal="/broken-deal.json"'),
  '/json.html': embedPage(
    `scenario='${JSON.stringify({ version: 1, title: 'Two holders', holders: [{ id: 'a', name: 'Ann', percent: 60 }, { id: 'b', name: 'Bo', percent: 40 }] })}'`,
  ),
  '/deal.json': DEAL,
  '/broken-deal.json': DEAL.replace('"deal_version": 1', '"deal_version": 99'),
};

let server;
let browser;
before(async () => {
  if (skip) return;
  server = await startServer('dist', { pages: PAGES });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path`, records which scripts and wasm it fetched, runs `body`, fails on console errors. */
async function withPage(path, body, { allowErrors, route } = {}) {
  const { page, consoleErrors, context } = await openPage(browser, 'about:blank');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  try {
    if (route) await page.route(...route);
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    await body(page, fetched);
    assert.deepEqual(consoleErrors.filter((e) => !allowErrors?.test(e)), [], 'no console errors');
  } finally {
    await context.close();
  }
}

const FULL = '/fortress-tools_bg.wasm';
const widget = (page) => page.locator('fortress-widget#w');

test('the standalone page opens a link on a preset it does not carry in the full build', { skip }, async () => {
  // format/tests/golden/links.txt: "oct-2026-funded as it is".
  await withPage('/index.html#1.CQADN', async (page, fetched) => {
    await drawn(page);
    assert.equal(await page.locator('#preset').inputValue(), 'oct-2026-funded');
    assert.ok(fetched.includes(FULL), 'the full build was loaded');
    assert.match(await page.locator('#key-term').innerText(), /Ended on Oct 1, 2026/);
    // Only one widget on the page: the lighter one made way.
    assert.equal(await page.locator('#cap-table').count(), 1);
  });
});

test('a preset picked on the standalone page opens in the full build, and its link reopens it', { skip }, async () => {
  let link;
  await withPage('/index.html', async (page, fetched) => {
    await drawn(page);
    assert.ok(!fetched.includes(FULL), 'the default preset needs only the lighter build');
    await page.locator('#preset').selectOption('anthropic-series-h');
    await page.locator('#key-term[data-term="aws-primary-cloud"]').waitFor({ timeout: 20_000 });
    assert.ok(fetched.includes(FULL));
    assert.match(await page.locator('#headline').innerText(), /^Google /);
    await expectCell(page, 'google', 'percent-after', '11.1719%');
    // A slider step in the full build writes the address as the lighter build does.
    const amazon = (p) => p.getByRole('textbox', { name: 'Amazon (its Series H money only) investment' });
    await amazon(page).fill('20');
    await page.waitForFunction(() => location.hash.length > 3);
    link = await page.evaluate(() => location.href);
  });
  await withPage(link, async (page) => {
    await page.locator('#key-term[data-term="aws-primary-cloud"]').waitFor({ timeout: 20_000 });
    const amazon = page.getByRole('textbox', { name: 'Amazon (its Series H money only) investment' });
    assert.equal(await amazon.inputValue(), '20');
  });
});

test('"More controls" hands the scenario to the full build, every figure kept', { skip }, async () => {
  await withPage('/index.html', async (page, fetched) => {
    await drawn(page);
    assert.equal(await page.locator('#whatif-floor-on').count(), 0, 'the lighter build has no what-ifs');
    await page.getByRole('textbox', { name: 'Amazon investment' }).fill('20');
    await expectCell(page, 'amazon', 'percent-after', '2.4691%');
    await moreControls(page);
    assert.ok(fetched.includes(FULL));
    // The button the reader pressed is gone: the focus moves to the first of the new controls
    // (adding an investor, in the round).
    await page.waitForFunction(() => document.activeElement?.id === 'new-investor-name', null, { timeout: 5_000 });
    await expectCell(page, 'amazon', 'percent-after', '2.4691%');
    assert.equal(await page.locator('#more-controls').count(), 0, 'the full build has the controls themselves');
    // Microsoft holds 24.3% with Amazon's cheque at $20B: a 25% floor ends exclusivity.
    await page.locator('#whatif-floor-on').check();
    await page.getByRole('textbox', { name: "Azure API exclusivity ends if Microsoft's stake falls below" }).fill('25');
    await page.locator('#key-term[data-status="ended"]').waitFor({ timeout: 5_000 });
  });
});

test('a full build that cannot be loaded leaves the widget as it was, with a message', { skip }, async () => {
  await withPage(
    '/index.html',
    async (page) => {
      await drawn(page);
      await page.getByRole('textbox', { name: 'Amazon investment' }).fill('20');
      await page.locator('#more-controls').click();
      const message = page.locator('.fortress [role="alert"], .fortress .message').filter({ hasText: 'could not be loaded' });
      await message.first().waitFor({ timeout: 20_000 });
      await expectCell(page, 'amazon', 'percent-after', '2.4691%');
      assert.equal(await page.getByRole('textbox', { name: 'Amazon investment' }).inputValue(), '20');
    },
    { route: ['**/fortress-tools_bg.wasm', (r) => r.abort()], allowErrors: /fortress-tools_bg\.wasm|Failed to load|ERR_FAILED/ },
  );
});

test('an embed of a story preset opens at once; one of Anthropic loads the full build', { skip }, async () => {
  await withPage('/funded.html', async (page, fetched) => {
    await drawn(widget(page));
    assert.ok(!fetched.includes(FULL), 'the embed carries the OpenAI story');
    assert.match(await widget(page).locator('#key-term').innerText(), /Ended on Oct 1, 2026/);
  });
  await withPage('/funded.html', async (page) => {
    // "More controls" in an embed: the full build takes the element over, focus and scenario kept.
    await drawn(widget(page));
    await widget(page).locator('#more-controls').click();
    await widget(page).locator('#whatif-floor-on').waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelector('fortress-widget').shadowRoot.activeElement?.id === 'new-investor-name',
      null,
      { timeout: 5_000 },
    );
    assert.match(await widget(page).locator('#key-term').innerText(), /Ended on Oct 1, 2026/);
  });
  await withPage('/anthropic.html', async (page, fetched) => {
    await widget(page).locator('#key-term[data-term="aws-primary-cloud"]').waitFor({ timeout: 20_000 });
    assert.ok(fetched.includes(FULL));
    await expectCell(widget(page), 'google', 'percent-after', '11.1719%');
    // The deal's own events, from its data: Anthropic's, not the AGI clause's.
    assert.equal(await widget(page).locator('#agi-declared-box').count(), 0);
  });
});

test('scenario JSON in the attribute is read by the full build', { skip }, async () => {
  await withPage('/json.html', async (page, fetched) => {
    await expectCell(widget(page), 'a', 'percent-after', '60.0000%');
    assert.ok(fetched.includes(FULL));
  });
});

test('a publisher\'s deal file judges the terms, with its own events', { skip }, async () => {
  await withPage('/deal.html', async (page) => {
    const w = widget(page);
    await w.locator('#key-term[data-term="cumulus-exclusivity"]').waitFor({ timeout: 20_000 });
    assert.match(await w.locator('#key-term').innerText(), /Cumulus exclusivity/);
    await w.locator('#terms li[data-term="right-of-first-refusal"]').waitFor({ timeout: 20_000 });
    // The deal's events are the controls: "IPO" and "Lock-up over".
    await w.getByRole('checkbox', { name: 'IPO: not yet' }).waitFor();
    await w.getByRole('checkbox', { name: 'Lock-up over: not yet' }).waitFor();
  });
});

/** Opens `path` (with `options` for `withPage`): its widget judges the built-in deal and says `why`. */
async function expectBuiltInDeal(path, why, options) {
  await withPage(
    path,
    async (page) => {
      const w = widget(page);
      await drawn(w);
      assert.equal(await w.locator('#key-term').getAttribute('data-term'), 'azure-api-exclusivity', path);
      assert.match(await w.locator('.fortress').innerText(), why, path);
    },
    options,
  );
}

test('an embed whose full build cannot be loaded shows the built-in deal, or the default scenario, and says why', { skip }, async () => {
  const blocked = { route: ['**/fortress-tools_bg.wasm', (r) => r.abort()], allowErrors: /fortress-tools_bg\.wasm|Failed to load|ERR_FAILED/ };
  for (const [path, why] of [
    ['/deal.html', /could not be loaded .*showing the built-in deal/],
    ['/json.html', /could not be loaded .*showing the default scenario/],
  ]) {
    await expectBuiltInDeal(path, why, blocked);
  }
});

test('a deal file that cannot be fetched or read shows a message over the built-in deal', { skip }, async () => {
  for (const [path, why] of [
    ['/bad-deal.html', /deal file/i],
    ['/broken-deal.html', /deal_version/],
  ]) {
    await expectBuiltInDeal(path, why, { allowErrors: /404|no-such-deal/ });
  }
});
