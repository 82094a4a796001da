// Smoke test: the release build in dist/ opens in headless Chromium, renders the widget with its
// default scenario (the cap table appears), and logs no console error.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDist } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;


test('the server serves the page and the wasm with the right MIME types', { skip }, async () => {
  const page = await fetch(dist.server.url);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  const html = await page.text();
  const wasm = html.match(/["']([^"']+\.wasm)["']/);
  if (wasm) {
    const res = await fetch(new URL(wasm[1], dist.server.url));
    assert.equal(res.status, 200, `${wasm[1]} is served`);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    await res.arrayBuffer();
  }
  const missing = await fetch(new URL('no-such-file.js', dist.server.url));
  assert.equal(missing.status, 404);
  await missing.text();
});

test('the widget renders its default scenario without console errors', { skip }, async () => {
  const { page, consoleErrors, context } = await openPage(dist.browser, dist.server.url, {
    viewport: { width: 1280, height: 800 },
  });
  try {
    const table = page.locator('#cap-table');
    await table.waitFor({ state: 'attached', timeout: 20_000 });
    const title = await page.title();
    assert.ok(title.trim().length > 0, 'the page has a title');
    const tableText = (await table.innerText()).trim();
    assert.ok(tableText.length > 0, 'the cap table is not empty');
    const bodyText = (await page.locator('body').innerText()).trim();
    assert.ok(bodyText.length > 0, 'the widget shows text');
    assert.deepEqual(consoleErrors, [], 'no console errors');
  } finally {
    await context.close();
  }
});
