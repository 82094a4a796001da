// End-to-end specs of the embed: the loader (fortress.js) and <fortress-widget> on the example pages
// in dist/ (article.html, csp.html, iframe-host.html): independent widgets, article links that drive
// a widget, the change event and the host API, widgets added and removed after load, a strict CSP,
// the sandboxed iframe that sizes itself, and hostile attributes that stay inert text.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell as widgetCell, drawn, expectCell as expectWidgetCell, openPage, useDist, withPage } from './harness.mjs';

const dist = useDist('article.html');
const { skip } = dist;


/** Records CSP violations and change events from the first script on. */
function recorder() {
  window.violations = [];
  window.changes = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  document.addEventListener('fortress-change', (e) => window.changes.push({ id: e.target.id, ...e.detail }));
}

/** Opens `path`, waits for `ready` widgets, runs `body`, and fails on console errors or CSP violations. */
async function withEmbeds(path, body, { ready = [] } = {}) {
  await withPage(
    dist,
    path,
    async (page) => {
      await body(page);
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'no CSP violations');
    },
    { initScript: recorder, ready: async (page) => Promise.all(ready.map((id) => drawn(widget(page, id)))) },
  );
}

const widget = (page, id) => page.locator(`fortress-widget#${id}`);
const expectCell = (page, id, holder, col, text) => expectWidgetCell(widget(page, id), holder, col, text);
const cell = (page, id, holder, col) => widgetCell(widget(page, id), holder, col);

test('two widgets on one page move independently, and neither writes the page URL', { skip }, async () => {
  await withEmbeds(
    'article.html',
    async (page) => {
      await widget(page, 'round').getByRole('textbox', { name: 'Amazon investment' }).fill('20');
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
      await expectCell(page, 'recap', 'microsoft', 'percent-after', '27.0000%');
      await widget(page, 'recap').getByRole('slider', { name: 'Microsoft stake' }).focus();
      await page.keyboard.press('ArrowRight');
      await expectCell(page, 'recap', 'microsoft', 'percent-after', '27.1000%');
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
      // Each widget has its own ids in its own shadow root; the page has no duplicates.
      assert.equal(await page.evaluate(() => document.querySelectorAll('#cap-table').length), 0);
      assert.equal(await page.evaluate(() => location.hash), '', 'the host URL is untouched');
      const wasm = await page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length,
      );
      assert.equal(wasm, 1, 'the wasm loads once for both widgets');
    },
    { ready: ['round', 'recap'] },
  );
});

test('a link in the text drives its widget, and the change event carries the new figures', { skip }, async () => {
  await withEmbeds(
    'article.html',
    async (page) => {
      const url = page.url();
      await page.locator('#ask-amazon-100').click();
      await expectCell(page, 'round', 'amazon', 'percent-after', '11.2360%'); // 100 of 730 + 60 + 100 = 890
      assert.equal(await widget(page, 'round').locator('#amount-amazon-box').inputValue(), '100');
      assert.equal(page.url(), url, 'the link did not navigate');
      await expectCell(page, 'recap', 'microsoft', 'percent-after', '27.0000%');
      const change = (await page.evaluate(() => window.changes)).at(-1);
      assert.equal(change.id, 'round');
      assert.equal(change.focus, 'microsoft');
      assert.equal(change.name, 'Microsoft');
      assert.equal(change.percentBefore, 27);
      assert.ok(Math.abs(change.percentAfter - (27 * 730) / 890) < 1e-9, `percentAfter ${change.percentAfter}`);
      assert.equal(change.scenario.rounds[0].investments[0].amount, 100e9);
      assert.match(change.link, /\/index\.html#1\.[A-Za-z0-9_.-]+$/);
      await page.locator('#figures', { hasText: 'Microsoft: 27.0% before the round, 22.1% after' }).waitFor();
      await page.locator('#ask-post').click();
      await expectCell(page, 'round', 'microsoft', 'percent-after', '22.9315%');
    },
    { ready: ['round', 'recap'] },
  );
});

test('the host page gets and sets the scenario as an object; a bad one throws and shows why', { skip }, async () => {
  await withEmbeds(
    'article.html',
    async (page) => {
      const got = await page.evaluate(() => document.getElementById('round').scenario);
      assert.equal(got.version, 1);
      assert.equal(got.rounds[0].investments[0].holder, 'amazon');
      await page.evaluate(() => {
        const el = document.getElementById('round');
        const s = el.scenario;
        s.rounds[0].investments[0].amount = 20e9;
        el.scenario = s;
      });
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
      const thrown = await page.evaluate(() => {
        try {
          document.getElementById('round').scenario = { version: 1, holders: [], rounds: [] };
          return null;
        } catch (e) {
          return String(e.message);
        }
      });
      assert.match(thrown ?? '', /^fortress: /, 'a refused scenario throws');
      await widget(page, 'round').locator('#error-general', { hasText: 'unchanged' }).waitFor();
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
      await expectCell(page, 'recap', 'microsoft', 'percent-after', '27.0000%');
    },
    { ready: ['round', 'recap'] },
  );
});

test('widgets added after load mount, and removed ones unmount', { skip }, async () => {
  await withEmbeds(
    'article.html',
    async (page) => {
      await page.evaluate(() => {
        const el = document.createElement('fortress-widget');
        el.id = 'late';
        el.setAttribute('preset', 'mar-2026-close');
        document.querySelector('main').append(el);
      });
      await drawn(widget(page, 'late'), 10_000);
      assert.equal(await widget(page, 'late').locator('#preset').inputValue(), 'mar-2026-close');
      // A CMS changing the attribute later changes the widget.
      await page.evaluate(() => document.getElementById('late').setAttribute('scenario', '1.AQIBAggDAgQrAwUXa'));
      await expectCell(page, 'late', 'amazon', 'percent-after', '11.2360%');
      await page.evaluate(() => {
        window.removed = document.getElementById('recap');
        window.removed.remove();
      });
      assert.equal(await page.evaluate(() => window.removed.shadowRoot.childNodes.length), 0, 'unmounted');
      // The rest keep working, and the element mounts again when put back.
      await widget(page, 'round').getByRole('textbox', { name: 'Amazon investment' }).fill('20');
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
      await page.evaluate(() => document.querySelector('main').append(window.removed));
      await drawn(widget(page, 'recap'), 10_000);
    },
    { ready: ['round', 'recap'] },
  );
});

test('under a strict Content-Security-Policy the widget works with no violation', { skip }, async () => {
  const res = await fetch(new URL('csp.html', dist.server.url));
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  const html = await res.text();
  assert.match(html, /http-equiv="Content-Security-Policy"/);
  assert.doesNotMatch(html, /<script>|<script type="module">|style=/, 'no inline script or style');
  await withEmbeds(
    'csp.html',
    async (page) => {
      const strict = widget(page, 'strict');
      await strict.getByRole('radio', { name: 'Post-money' }).check();
      await expectCell(page, 'strict', 'microsoft', 'percent-after', '22.9315%');
      await strict.locator('summary', { hasText: 'Show link' }).click();
      await strict.getByRole('button', { name: 'Copy link' }).click();
      await strict.locator('#copy-status').filter({ hasText: /copied|did not let/ }).waitFor();
      // The stylesheet applied inside the shadow root (a linked file is allowed; inline is not).
      const sticky = await strict.locator('.answer').evaluate((el) => getComputedStyle(el).position);
      assert.equal(sticky, 'sticky', 'style.css applies inside the shadow root');
    },
    { ready: ['strict'] },
  );
});

test('the sandboxed iframe tells its parent its height, and grows with its content', { skip }, async () => {
  const { page, consoleErrors, context } = await openPage(dist.browser, 'about:blank');
  try {
    await page.addInitScript(() => {
      window.messages = [];
      window.addEventListener('message', (e) => window.messages.push({ data: e.data, origin: e.origin }));
    });
    await page.goto(new URL('iframe-host.html', dist.server.url).href, { waitUntil: 'load' });
    const frame = page.frameLocator('#frame');
    // The sections below the fold arrive after the first paint; the frame follows them.
    await drawn(frame);
    const sources = frame.locator('summary', { hasText: 'Sources of the figures' });
    await page.waitForFunction(() => Number(document.getElementById('frame').height) > 1000);
    const heights = async () => [
      Number(await page.locator('#frame').getAttribute('height')),
      await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height)),
    ];
    let [first, content] = await heights();
    for (let i = 0; i < 40 && first !== content; i++) {
      await page.waitForTimeout(50); // the height message is posted after the content's layout
      [first, content] = await heights();
    }
    assert.equal(first, content, 'the frame is as tall as its content');
    const shown = (await page.locator('#frame').boundingBox()).height;
    assert.ok(Math.abs(shown - first) <= 1, `the frame is drawn ${first} px tall, not ${shown}`);
    await sources.click();
    await page.waitForFunction((h) => Number(document.getElementById('frame').height) > h, first);
    const messages = await page.evaluate(() => window.messages);
    assert.ok(messages.some((m) => /^pymxPYMxfortress-1xPYMxheightxPYMx\d+$/.test(m.data)), 'Pym.js format');
    assert.ok(messages.some((m) => m.data?.sentinel === 'amp' && m.data.type === 'embed-size'), 'AMP format');
    assert.ok(messages.some((m) => typeof m.data === 'string' && m.data.includes('"sender":"Flourish"')), 'Flourish');
    assert.ok(messages.every((m) => m.origin === 'null'), 'from the sandboxed (opaque) origin');
    const sandbox = await page.locator('#frame').getAttribute('sandbox');
    assert.equal(sandbox, 'allow-scripts');
    assert.deepEqual(consoleErrors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('hostile scenario attributes render as inert text; a bad one shows the plain message', { skip }, async () => {
  const name = '<img src=x onerror="window.pwned=1">';
  const hostile = [
    ['script', '<script>window.pwned=1</script>'],
    ['handler', '" onmouseover="window.pwned=1'],
    ['js-url', 'javascript:window.pwned=1'],
    ['bad-json', '{"version": 1, "holders": ['],
    ['json-name', JSON.stringify({
      version: 1,
      title: 'javascript:window.pwned=1',
      holders: [
        { id: 'a', name, percent: 60 },
        { id: 'b', name: '<script>window.pwned=1</script>', percent: 40 },
      ],
      rounds: [],
    })],
  ];
  await withEmbeds(
    'article.html',
    async (page) => {
      await page.evaluate((cases) => {
        for (const [id, scenario] of cases) {
          const el = document.createElement('fortress-widget');
          el.id = id;
          el.setAttribute('scenario', scenario);
          document.querySelector('main').append(el);
        }
      }, hostile);
      for (const [id] of hostile) await drawn(widget(page, id), 10_000);
      for (const id of ['script', 'handler', 'js-url']) {
        assert.match(await widget(page, id).locator('#error-general').innerText(), /This link is damaged/);
        await expectCell(page, id, 'microsoft', 'percent-after', '23.4643%');
      }
      assert.match(await widget(page, 'bad-json').locator('#error-general').innerText(), /not valid JSON/);
      await widget(page, 'json-name').locator('#cap-table th', { hasText: name }).waitFor();
      assert.equal(await widget(page, 'json-name').locator('h1').innerText(), 'javascript:window.pwned=1');
      for (const [id] of hostile) {
        const el = widget(page, id);
        assert.equal(await el.locator('img, script, [onerror], [onmouseover], a[href^="javascript:"]').count(), 0, id);
      }
      await widget(page, 'json-name').locator('#cap-table th', { hasText: name }).hover();
      assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing ran');
      // The page's other widgets keep working.
      await widget(page, 'round').getByRole('textbox', { name: 'Amazon investment' }).fill('20');
      await expectCell(page, 'round', 'amazon', 'percent-after', '2.4691%');
    },
    { ready: ['round', 'recap'] },
  );
});
