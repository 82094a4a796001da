// End-to-end harness for Fortress: a static file server, headless Chromium, and a page that
// records console errors. Used by tests/e2e/*.test.mjs and bench/bench.mjs.
//
//   startServer(dir = 'dist')            -> Promise<{ url, close, port, root }>  (CSP header for
//                                           csp.html, CORS allowed for the sandboxed iframe form)
//   launchBrowser()                      -> Promise<playwright-core Browser> (headless Chromium)
//   openPage(browser, url, { viewport }) -> Promise<{ page, consoleErrors, context }>
//   useDist(page = 'index.html')         -> { skip, server, browser }: one server and one browser
//                                           for a test file (node:test before/after hooks)
//   drawn(scope, timeout)                -> Promise: a widget has drawn all of itself
//
// Paths are resolved against the repository root, not the current directory. Only node's own
// modules and playwright-core (an npm devDependency, no browser download) are used; the browser is
// Debian's /usr/bin/chromium (scripts/setup.sh installs it).
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** The repository root (two levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolve a path given relative to the repository root (absolute paths are kept). */
export function fromRoot(p) {
  return isAbsolute(p) ? p : resolve(repoRoot, p);
}

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
};

/**
 * The Content-Security-Policy header sent with a page, by its path (the strict example page gets the
 * policy the README asks publishers for); other pages get none.
 */
export const CSP_HEADERS = {
  '/csp.html':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
};

/**
 * Serve a static directory (relative to the repository root) on 127.0.0.1 at a free port.
 * `/` and directories serve their index.html. Nothing is cached. `pages` adds HTML pages that are
 * not files, by path (`{'/two-embeds.html': '<!doctype html>...'}`), for a test's own fixtures.
 * @returns {Promise<{url: string, port: number, root: string, close: () => Promise<void>}>}
 */
export async function startServer(dir = 'dist', { pages = {} } = {}) {
  const root = fromRoot(dir);
  const info = await stat(root).catch(() => null);
  if (!info || !info.isDirectory()) {
    throw new Error(`startServer: ${root} is not a directory (run \`trunk build --release\` first)`);
  }

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname.includes('\0')) return send(400, 'bad request\n');
    if (Object.hasOwn(pages, pathname)) return send(200, pages[pathname], MIME_TYPES['.html']);
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden\n');
    let st = await stat(file).catch(() => null);
    if (st && st.isDirectory()) {
      file = join(file, 'index.html');
      st = await stat(file).catch(() => null);
    }
    if (!st || !st.isFile()) {
      // Browsers ask for /favicon.ico on their own: answer it quietly so that a missing icon is
      // not reported as a console error of the page under test.
      if (pathname === '/favicon.ico') return send(204, '');
      return send(404, `not found: ${pathname}\n`);
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-store' };
    // The iframe form runs sandboxed without allow-same-origin, in an opaque origin: its module
    // scripts and wasm are cross-origin fetches, which CORS must allow (the files are public).
    headers['Access-Control-Allow-Origin'] = '*';
    if (CSP_HEADERS[pathname]) headers['Content-Security-Policy'] = CSP_HEADERS[pathname];
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    root,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** Chromium flags for this machine: root (no sandbox), no GPU, and no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary: Debian's, unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Launch headless Chromium (Debian's) through playwright-core.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Open `url` in a new browser context and wait for its `load` event. `consoleErrors` collects
 * every console 'error' message and every uncaught page error ('pageerror'), as strings, from the
 * moment the page is created.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{viewport?: {width: number, height: number}}} [options]
 * @returns {Promise<{page: import('playwright-core').Page, consoleErrors: string[], context: import('playwright-core').BrowserContext}>}
 */
export async function openPage(browser, url, { viewport } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err?.stack || err}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, context };
}

/**
 * Waits until the widget in `scope` (a page, a frame locator, or an embedded widget's locator) has
 * drawn all of itself: the cap table comes in its first render, the three parts below the fold in
 * the idle moments after its first paint (the widget's root says how many in `data-drawn`).
 * @param {{locator: (selector: string) => import('playwright-core').Locator}} scope
 */
export async function drawn(scope, timeout = 20_000) {
  await scope.locator('#cap-table').waitFor({ timeout });
  await scope.locator('.fortress[data-drawn="3"]').waitFor({ timeout });
}

/**
 * For a test file: serves dist/ and launches Chromium once, before its first test, and closes both
 * after its last. `server` and `browser` are filled in by then. When dist/`page` has not been
 * built, nothing starts and `skip` says why, for the tests to pass to node:test.
 * @returns {{ skip: string | false, server: object | null, browser: object | null }}
 */
export function useDist(page = 'index.html') {
  const built = existsSync(fromRoot(`dist/${page}`));
  const dist = { skip: built ? false : `no dist/${page}: run \`trunk build --release\` first`, server: null, browser: null };
  before(async () => {
    if (!built) return;
    dist.server = await startServer('dist');
    dist.browser = await launchBrowser();
  });
  after(async () => {
    await dist.browser?.close();
    await dist.server?.close();
  });
  return dist;
}

/**
 * Opens `path` (relative to the served dist/, or a whole URL) in a fresh context, waits until
 * `ready(page)` (by default: the standalone widget has drawn), runs `body(page)`, and fails on any
 * console error. Options: `viewport`, `permissions` (granted to the server's origin), `initScript`,
 * `ready`, `allowErrors` (a RegExp for console errors the test provokes on purpose).
 */
export async function withPage(dist, path, body, { viewport, permissions, initScript, ready = drawn, allowErrors } = {}) {
  const { page, consoleErrors, context } = await openPage(dist.browser, 'about:blank', { viewport });
  try {
    if (permissions) await context.grantPermissions(permissions, { origin: new URL(dist.server.url).origin });
    if (initScript) await page.addInitScript(initScript);
    await page.goto(new URL(path, dist.server.url).href, { waitUntil: 'load' });
    await ready(page);
    await body(page);
    // allowErrors: a RegExp for console errors the test provokes on purpose (a file it blocks).
    assert.deepEqual(consoleErrors.filter((e) => !allowErrors?.test(e)), [], 'no console errors');
  } finally {
    await context.close();
  }
}

/** One cell of the after-round cap table in `scope` (a page, or an embedded widget's locator). */
export const cell = (scope, holder, col) =>
  scope.locator(`#cap-table tr[data-holder="${holder}"] td[data-col="${col}"]`);

/** Waits until that cell reads `text`; the failure says what it reads instead. */
export async function expectCell(scope, holder, col, text) {
  await assert.doesNotReject(
    cell(scope, holder, col).filter({ hasText: text }).waitFor({ timeout: 5_000 }),
    `${holder} ${col} should read ${text}, reads ${await cell(scope, holder, col).textContent()}`,
  );
}

/** A stake as the table writes it (en-US, four decimals). */
export const pct = (x) => `${x.toFixed(4)}%`;

/**
 * Presses "More controls" (the lighter build's door to the analysts' controls: names, investors,
 * what-ifs) and waits until the full build has taken over and drawn them.
 */
export async function moreControls(page) {
  await page.locator('#more-controls').click();
  await page.locator('#whatif-floor-on, #new-investor-name').first().waitFor({ timeout: 20_000 });
}
