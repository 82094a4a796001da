// End-to-end specs of share links: the scenario lives in the URL fragment, written with
// replaceState as the reader edits; "Copy link" copies it (or shows it, selected, when the browser
// refuses); a link opens the same scenario in a fresh page; a bad link opens the default scenario
// with a plain message and no console error.
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, drawn, expectCell, moreControls, useDist, withPage } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;

const DAMAGED = 'This link is damaged; showing the default scenario.';
const NEWER = /This link is from a newer version of Fortress; showing the default scenario/;


/** Opens `url` in a fresh context, waits for the widget, runs `body`, and fails on console errors. */
const withLink = (url, body, options = {}) => withPage(dist, url, body, options);

/** Waits until the address bar's fragment differs from `previous`, and returns it. */
async function nextHash(page, previous) {
  await page.waitForFunction((prev) => location.hash.length > 1 && location.hash !== prev, previous);
  return page.evaluate(() => location.hash);
}

test('edits go into the fragment without new history entries, and the copied link reopens them', { skip }, async () => {
  let link;
  const expected = {};
  await withLink(
    dist.server.url,
    async (page) => {
      const history = await page.evaluate(() => history.length);
      assert.equal(await page.evaluate(() => location.hash), '', 'an untouched page has no fragment');
      await page.locator('#preset').selectOption('feb-2026-post');
      await expectCell(page, 'microsoft', 'percent-after', '22.9315%');
      // Sliders by keyboard, a box by typing, a radio, a checkbox.
      const amazon = page.getByRole('slider', { name: 'Amazon investment' });
      await amazon.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
      const stake = page.getByRole('slider', { name: 'Microsoft stake' });
      await stake.focus();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('textbox', { name: 'Nvidia investment' }).fill('42.5');
      await page.locator('#whatif-floor-on').check();
      await expectCell(page, 'nvidia', 'percent-before', '—');
      const hash = await nextHash(page, '');
      assert.match(hash, /^#1\.[A-Za-z0-9_.-]+$/);
      assert.equal(await page.evaluate(() => history.length), history, 'edits add no history entries');

      for (const id of ['amount-amazon-box', 'amount-nvidia-box', 'stake-microsoft-box', 'valuation-box']) {
        expected[id] = await page.locator(`#${id}`).inputValue();
      }
      assert.equal(expected['amount-amazon-box'], '48');
      assert.equal(expected['amount-nvidia-box'], '42.5');
      for (const holder of ['microsoft', 'amazon', 'nvidia', 'others']) {
        expected[holder] = await cell(page, holder, 'percent-after').innerText();
      }
      expected.headline = await page.locator('#headline').innerText();

      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.locator('#copy-status', { hasText: 'Link copied.' }).waitFor();
      link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, await page.evaluate(() => location.href), 'the copied link is the address');
      await page.locator('#show-link summary').click();
      assert.equal(await page.getByRole('textbox', { name: 'Link to this scenario' }).inputValue(), link);
      assert.notEqual(await page.locator('#share-link').getAttribute('readonly'), null, 'read-only');
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );

  await withLink(link, async (page) => {
    for (const [id, value] of Object.entries(expected)) {
      if (id.endsWith('-box')) assert.equal(await page.locator(`#${id}`).inputValue(), value, id);
    }
    for (const holder of ['microsoft', 'amazon', 'nvidia', 'others']) {
      await expectCell(page, holder, 'percent-after', expected[holder]);
    }
    assert.equal(await page.locator('#headline').innerText(), expected.headline);
    assert.equal(await page.locator('#preset').inputValue(), 'feb-2026-post', 'the preset it came from');
    assert.ok(await page.locator('#whatif-floor-on').isChecked(), 'the what-if is on');
    assert.equal(await page.locator('.field-error').count(), 0, 'no message');
  });
});

test('copying right after an edit copies the new scenario, and the address agrees', { skip }, async () => {
  await withLink(
    dist.server.url,
    async (page) => {
      // The address is written a moment after an edit; copying writes it at once.
      await page.getByRole('textbox', { name: 'Amazon investment' }).fill('61');
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.locator('#copy-status', { hasText: 'Link copied.' }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(await page.evaluate(() => location.href), link);
      assert.equal(link, await page.locator('#share-link').inputValue());
      await page.goto('about:blank');
      await page.goto(link);
      await drawn(page);
      assert.equal(await page.locator('#amount-amazon-box').inputValue(), '61');
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
});

test('a link pasted into the address bar of an open page opens there', { skip }, async () => {
  await withLink(dist.server.url, async (page) => {
    await page.getByRole('textbox', { name: 'Amazon investment' }).fill('20');
    const hash = await nextHash(page, '');
    await page.getByRole('textbox', { name: 'Amazon investment' }).fill('50');
    await nextHash(page, hash);
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await expectCell(page, 'amazon', 'percent-after', '2.4691%');
    assert.equal(await page.locator('#amount-amazon-box').inputValue(), '20');
  });
});

test('bad links open the default scenario with a plain message', { skip }, async () => {
  // A real link to cut and change: Amazon's cheque at $20B on the February preset.
  const good = '1.AQIBAggDAgRKAwUXG';
  const cases = [
    ['truncated', good.slice(0, -4), DAMAGED],
    ['mangled', good.replace('AgRK', 'AgRL'), DAMAGED],
    ['oversized', `1.${'A'.repeat(70_000)}`, DAMAGED],
    ['not a link', 'hello%20world', DAMAGED],
    ['markup', encodeURIComponent('<img src=x onerror="window.pwned=1">'), DAMAGED],
    ['newer version', '2.AAAA', NEWER],
  ];
  for (const [what, fragment, message] of cases) {
    await withLink(`${dist.server.url}#${fragment}`, async (page) => {
      const alert = page.locator('#error-general');
      await alert.waitFor();
      if (typeof message === 'string') assert.equal((await alert.innerText()).replace(/^\W+/, ''), message, what);
      else assert.match(await alert.innerText(), message, what);
      await expectCell(page, 'microsoft', 'percent-after', '23.4643%');
      await expectCell(page, 'amazon', 'percent-after', '5.9524%');
      assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing ran');
      assert.equal(await page.locator('#cap-table img').count(), 0);
    });
  }
});

test('when the clipboard is refused or missing, the link is shown selected with a message', { skip }, async () => {
  const refuse = () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
    });
  };
  const missing = () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
  };
  for (const initScript of [refuse, missing]) {
    await withLink(
      dist.server.url,
      async (page) => {
        await page.getByRole('textbox', { name: 'Amazon investment' }).fill('20');
        await nextHash(page, '');
        await page.getByRole('button', { name: 'Copy link' }).click();
        const field = page.locator('#share-fallback');
        await field.waitFor();
        assert.match(await page.locator('#copy-status').innerText(), /did not let the page copy/);
        const link = await field.inputValue();
        assert.equal(link, await page.evaluate(() => location.href));
        const selected = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.id === 'share-fallback' ? el.value.slice(el.selectionStart, el.selectionEnd) : null;
        });
        assert.equal(selected, link, 'the whole link is selected');
      },
      { initScript },
    );
  }
});

test('names from a link are text, never markup', { skip }, async () => {
  let link;
  const name = '<img src=x onerror="window.pwned=1">';
  await withLink(dist.server.url, async (page) => {
    await moreControls(page);
    await page.locator('summary', { hasText: 'Rename holders' }).click();
    await page.getByRole('textbox', { name: 'Rename Amazon' }).fill(name);
    await page.getByRole('textbox', { name: 'Rename Amazon' }).press('Enter');
    await page.locator('#cap-table th', { hasText: name }).waitFor();
    // The address is written once the edit has been painted.
    link = await nextHash(page, '').then(() => page.evaluate(() => location.href));
  });
  await withLink(link, async (page) => {
    await page.locator('#cap-table th', { hasText: name }).waitFor();
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
  });
});
