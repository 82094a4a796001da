// The example pages are examples to copy: each passes axe-core (WCAG 2 A and AA rules), in the light
// and the dark scheme, with every widget on it drawn (shadow roots included; axe reads them).
// Needs `trunk build --release` first (scripts/test.sh does it); skipped while there is no dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawn, fromRoot, useDist } from './harness.mjs';

const dist = useDist('index.html');
const { skip } = dist;
const AXE = fromRoot('node_modules/axe-core/axe.min.js');

/** Each page, and how to know it has drawn. */
const PAGES = [
  ['index.html', (p) => drawn(p)],
  ['article.html', (p) => drawn(p.locator('fortress-widget#recap'))],
  ['csp.html', (p) => drawn(p.locator('fortress-widget#strict'))],
  ['iframe-host.html', (p) => drawn(p.frameLocator('#frame'))],
  ['studio.html', (p) => drawn(p.locator('#studio-preview fortress-widget'))],
];

for (const scheme of ['light', 'dark']) {
  for (const [path, ready] of PAGES) {
    test(`${path} passes axe-core in the ${scheme} scheme`, { skip }, async () => {
      // bypassCSP: axe is injected as a script, which the strict page would refuse (rightly).
      const context = await dist.browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(new URL(path, dist.server.url).href);
        await ready(page);
        const frames = path === 'iframe-host.html' ? [page, page.frames().find((f) => f.url().includes('frame.html'))] : [page];
        for (const frame of frames) {
          await frame.addScriptTag({ path: AXE });
          const violations = await frame.evaluate(async () => {
            const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target?.join(' ')} (${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim()})`);
          });
          assert.deepEqual(violations, [], `${path} (${scheme}, ${frame === page ? 'page' : 'frame'})`);
        }
      } finally {
        await context.close();
      }
    });
  }
}
