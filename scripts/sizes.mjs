// Writes sizes.json into a built dist/ (or Trunk's staging directory): the bytes (brotli, quality
// 11) a reader downloads for the first embedded widget on a page, in the script form and in the
// iframe form, file by file. The studio (www/studio.js) states them; more widgets on the same page
// download nothing more. Run by scripts/build-embed.sh in release builds.
// Usage: node scripts/sizes.mjs DIR
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSizes } from '../bench/weight.mjs';

const dir = process.argv[2];
// The widget's wasm-bindgen snippet (www/lazy.js), under a folder named with a hash.
const snippets = readdirSync(join(dir, 'snippets'), { recursive: true })
  .map(String)
  .filter((p) => p.endsWith('.js'))
  .map((p) => `snippets/${p}`);
const FORMS = {
  script: ['fortress.js', 'fortress-embed.js', 'fortress-embed_bg.wasm', 'style.css', ...snippets],
  iframe: ['frame.html', 'frame.js', 'embed.css', 'fortress.js', 'fortress-embed.js', 'fortress-embed_bg.wasm', 'style.css', ...snippets],
};
const out = {};
for (const [form, paths] of Object.entries(FORMS)) {
  const files = await Promise.all(paths.map((p) => fileSizes(dir, p)));
  out[form] = { brotli: files.reduce((t, f) => t + f.brotli, 0), files: files.map(({ path, brotli }) => ({ path, brotli })) };
}
writeFileSync(join(dir, 'sizes.json'), `${JSON.stringify(out, null, 2)}\n`);
