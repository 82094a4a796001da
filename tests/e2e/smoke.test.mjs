// Smoke test of the product: every file the standalone page names is in the release build, and
// every preset opens on it with its title, its deal's key term and no message or console error.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;

test('every file the page names is in the build, the wasm as application/wasm', { skip }, async () => {
  const html = await (await fetch(dist.server.url)).text();
  const named = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']?([^"' >]+\.(?:js|wasm|css))/g)].map((m) => m[1]);
  assert.ok(named.some((p) => p.endsWith('.wasm')) && named.some((p) => p.endsWith('.js')), named.join(', '));
  for (const path of new Set(named)) {
    const res = await fetch(new URL(path, dist.server.url));
    assert.equal(res.status, 200, `${path} is in dist/`);
    if (path.endsWith('.wasm')) assert.equal(res.headers.get('content-type'), 'application/wasm');
    await res.arrayBuffer();
  }
});

test('every preset opens with its title, its key term and no message', { skip }, async () => {
  let presets = [];
  await withPage(dist, '', async (page) => {
    presets = await page.locator('#preset option').evaluateAll((options) => options.map((o) => o.value));
  });
  assert.ok(presets.length >= 7, presets.join(', '));
  for (const name of presets) {
    await withPage(dist, `?preset=${name}`, async (page) => {
      assert.equal(await page.locator('#preset').inputValue(), name, `${name} is picked`);
      assert.ok((await page.locator('h1').innerText()).trim().length > 10, `${name} has a title`);
      // The key term is the preset's deal's: Azure API exclusivity for OpenAI's, AWS as primary cloud for Anthropic's.
      assert.match(await page.locator('#key-term').innerText(), /^(Azure API exclusivity|AWS as primary cloud provider): /, name);
      assert.equal(await page.locator('.field-error').count(), 0, `${name} opens without a message`);
      assert.ok((await page.locator('#cap-table tbody tr').count()) >= 3, `${name} has a table`);
    });
  }
});
