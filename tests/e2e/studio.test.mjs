// End-to-end specs for publishers: the element's attributes (sections, controls, theme, locale),
// the custom properties, the static summary inside the element, and the studio (www/studio.html),
// whose snippet, written into a fresh page, gives what its preview showed.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { drawn, repoRoot, useDist, withPage } from './harness.mjs';

const dist = useDist('studio.html');
const { skip } = dist;

/** A page of the served dist/ at `path` whose HTML is `body` (the loader is linked from its head). */
function page(path, body, head = '<script type="module" src="fortress.js"></script>') {
  return {
    path,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh page</title>${head}</head><body><main>${body}</main></body></html>`,
  };
}

/** Opens `fresh` (from page()) as a page of the server, runs `body(page)`. */
async function withFresh(fresh, body, { ready, colorScheme, allowErrors } = {}) {
  const url = new URL(fresh.path, dist.server.url).href;
  await withPage(
    dist,
    'about:blank',
    async (p) => {
      if (colorScheme) await p.emulateMedia({ colorScheme });
      await p.route(url, (route) => route.fulfill({ contentType: 'text/html', body: fresh.html }));
      await p.goto(url);
      await (ready ?? ((q) => drawn(q.locator('fortress-widget').first())))(p);
      await body(p);
    },
    { ready: async () => {}, allowErrors },
  );
}

const widget = (p, id) => p.locator(`fortress-widget#${id}`);
const sliders = (scope) => scope.locator('input[type="range"]');

test('controls="investment:amazon" gives one slider, and sections only the parts named', { skip }, async () => {
  const fresh = page(
    '/compact.html',
    '<fortress-widget id="c" preset="feb-2026" sections="headline,controls" controls="investment:amazon"></fortress-widget>',
  );
  await withFresh(fresh, async (p) => {
    const w = widget(p, 'c');
    await w.locator('#headline').waitFor();
    assert.equal(await sliders(w).count(), 1);
    assert.equal(await w.locator('#amount-amazon-slider').count(), 1);
    for (const gone of ['#cap-table', '#preset', '#copy-link', '#terms-heading', '#sensitivity-show', '#ownership-chart']) {
      assert.equal(await w.locator(gone).count(), 0, `${gone} is not shown`);
    }
    // The one slider still moves the headline.
    await w.locator('#amount-amazon-box').fill('100');
    await w.locator('#headline').filter({ hasText: '22.1%' }).waitFor();
  }, { ready: (q) => q.locator('fortress-widget#c #headline').waitFor() });
});

test('locale="de-DE" writes 23,4643 %, and the page language is the default locale', { skip }, async () => {
  const fresh = page(
    '/locale.html',
    '<fortress-widget id="de" preset="feb-2026" locale="de-DE"></fortress-widget>' +
      '<div lang="fr-FR"><fortress-widget id="fr" preset="feb-2026"></fortress-widget></div>' +
      '<fortress-widget id="bad" preset="feb-2026" locale="de_DE"></fortress-widget>',
  );
  await withFresh(fresh, async (p) => {
    const cell = (id) => widget(p, id).locator('#cap-table tr[data-holder="microsoft"] td[data-col="percent-after"]');
    await drawn(widget(p, 'fr'));
    assert.match(await cell('de').innerText(), /^23,4643\s%$/);
    assert.match(await cell('fr').innerText(), /^23,4643\s%$/, 'the element’s language, from lang="fr-FR"');
    // A bad locale is named, and the numbers are the reader's (en-US here).
    assert.equal(await cell('bad').innerText(), '23.4643%');
    assert.match(await widget(p, 'bad').locator('.fortress').innerText(), /locale: “de_DE” is not a BCP 47 locale/);
  });
});

test('theme="dark" is dark on a light page, and --fortress-accent reaches the accent', { skip }, async () => {
  const fresh = page(
    '/look.html',
    '<fortress-widget id="dark" preset="feb-2026" theme="dark" style="--fortress-accent: #c0392b"></fortress-widget>' +
      '<fortress-widget id="plain" preset="feb-2026"></fortress-widget>',
  );
  await withFresh(fresh, async (p) => {
    await drawn(widget(p, 'plain'));
    const look = (id) =>
      widget(p, id).evaluate((el) => {
        const root = el.shadowRoot.querySelector('.fortress');
        const summary = el.shadowRoot.querySelector('#show-link summary');
        return { bg: getComputedStyle(root).backgroundColor, accent: getComputedStyle(summary).color };
      });
    assert.deepEqual(await look('dark'), { bg: 'rgb(13, 17, 23)', accent: 'rgb(192, 57, 43)' });
    assert.deepEqual(await look('plain'), { bg: 'rgb(255, 255, 255)', accent: 'rgb(11, 87, 208)' });
    // A part can be styled from the page.
    const parts = await widget(p, 'plain').evaluate((el) => [...el.shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part')));
    for (const part of ['header', 'share', 'headline', 'controls', 'table', 'timeline', 'chart', 'map', 'terms', 'routes', 'sources']) {
      assert.ok(parts.includes(part), `part ${part}`);
    }
  }, { colorScheme: 'light' });
});

test('two differently fitted widgets on one page stay independent', { skip }, async () => {
  const fresh = page(
    '/two.html',
    '<fortress-widget id="a" preset="feb-2026" sections="headline,controls" controls="investment:amazon" locale="de-DE"></fortress-widget>' +
      '<fortress-widget id="b" preset="feb-2026" theme="dark" locale="en-US"></fortress-widget>',
  );
  await withFresh(fresh, async (p) => {
    await drawn(widget(p, 'b'));
    await widget(p, 'a').locator('#amount-amazon-box').fill('100');
    await widget(p, 'a').locator('#headline').filter({ hasText: '22,1 %' }).waitFor();
    assert.match(await widget(p, 'b').locator('#headline').innerText(), /23\.5%/, 'b keeps its scenario and its locale');
    assert.equal(await sliders(widget(p, 'a')).count(), 1);
    assert.ok((await sliders(widget(p, 'b')).count()) > 5);
  }, { ready: (q) => drawn(q.locator('fortress-widget#b')) });
});

test('without JavaScript, the element shows its static summary with the Microsoft row', { skip }, async () => {
  const preset = execFileSync('cargo', ['run', '-q', '-p', 'fortress-cli', '--', 'preset', 'feb-2026'], { cwd: repoRoot, encoding: 'utf8' });
  const snippet = execFileSync(
    'cargo',
    ['run', '-q', '-p', 'fortress-cli', '--', 'embed', '-', '--base', dist.server.url, '--form', 'script'],
    { cwd: repoRoot, input: preset, encoding: 'utf8' },
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No scripts</title></head><body><main>${snippet}</main></body></html>`;
  const context = await dist.browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await context.newPage();
    const url = new URL('/no-script.html', dist.server.url).href;
    await p.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await p.goto(url);
    const row = p.locator('fortress-widget table tr').filter({ hasText: 'Microsoft' });
    assert.equal(await row.isVisible(), true);
    assert.equal(await row.innerText(), 'Microsoft\t23.5%\t$197B');
    assert.match(await p.locator('fortress-widget').innerText(), /Microsoft 27\.0% → 23\.5%, worth \$197B/);
    assert.match(await p.locator('fortress-widget a').getAttribute('href'), /index\.html#1\./);
  } finally {
    await context.close();
  }
  // With JavaScript, the widget replaces the summary.
  await withFresh({ path: '/with-script.html', html }, async (p) => {
    assert.equal(await p.locator('fortress-widget .fortress-fallback').isVisible(), false);
    assert.equal(await p.locator('fortress-widget #cap-table').count(), 1);
  });
});

test("the studio's snippet, in a fresh page, renders only the chosen sections and controls", { skip }, async () => {
  let loader;
  let element;
  await withPage(
    dist,
    'studio.html',
    async (p) => {
      const preview = p.locator('#studio-preview fortress-widget');
      await drawn(preview);
      // Sections: only the headline, the controls and the table; controls: Amazon's cheque only.
      for (const name of ['header', 'share', 'notes', 'timeline', 'chart', 'exit', 'map', 'terms', 'routes', 'sources']) {
        await p.locator(`#studio-section-${name}`).uncheck();
      }
      await p.locator('#studio-controls-all').uncheck();
      await p.locator('#studio-control-list input[value="investment:amazon"]').check();
      await p.locator('input[name="theme"][value="dark"]').check();
      await p.locator('#studio-locale').fill('de-DE');
      await p.locator('#studio-locale').dispatchEvent('change');
      loader = await p.locator('#studio-snippet-0').inputValue();
      element = await p.locator('#studio-snippet-1').inputValue();
      assert.match(loader, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/fortress\.js"><\/script>\n$/);
      assert.match(element, / sections="headline,controls,table" controls="investment:amazon" theme="dark" locale="de-DE">/);
      // The preview is the snippet: one slider, the chosen sections, German numbers.
      await p.locator('#studio-preview fortress-widget[locale="de-DE"]').waitFor();
      const shown = p.locator('#studio-preview fortress-widget');
      await shown.locator('#cap-table').waitFor();
      assert.equal(await sliders(shown).count(), 1);
      assert.match(await p.locator('#studio-bytes').innerText(), /A reader downloads \d+ KB \(brotli\)/);
      // A bad locale is named, and the last good snippet stays.
      await p.locator('#studio-locale').fill('de_DE');
      await p.locator('#studio-locale').dispatchEvent('change');
      assert.match(await p.locator('#studio-message').innerText(), /locale: “de_DE” is not a BCP 47 locale/);
      assert.equal(await p.locator('#studio-snippet-1').inputValue(), element);
      // The iframe form.
      await p.locator('input[name="form"][value="iframe"]').check();
      await p.locator('#studio-locale').fill('');
      await p.locator('#studio-locale').dispatchEvent('change');
      assert.match(await p.locator('#studio-snippet-0').inputValue(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/frame\.html\?childId=fortress-1&amp;sections=headline,controls,table&amp;controls=investment:amazon&amp;theme=dark#1\./);
    },
    { ready: (q) => q.locator('#studio-snippet-1').waitFor({ timeout: 20_000 }) },
  );
  await withFresh({ path: '/from-studio.html', html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>From the studio</title>${loader}</head><body><main>${element}</main></body></html>` }, async (p) => {
    const w = p.locator('fortress-widget');
    await w.locator('#cap-table').waitFor();
    assert.equal(await sliders(w).count(), 1);
    assert.match(await w.locator('#cap-table tr[data-holder="microsoft"] td[data-col="percent-after"]').innerText(), /^23,4643\s%$/);
    for (const gone of ['#preset', '#copy-link', '#terms-heading', '#ownership-chart']) {
      assert.equal(await w.locator(gone).count(), 0, `${gone} is not shown`);
    }
    const bg = await w.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.fortress')).backgroundColor);
    assert.equal(bg, 'rgb(13, 17, 23)');
  }, { ready: (q) => q.locator('fortress-widget #cap-table').waitFor(), colorScheme: 'light' });
});
