#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): builds the embed wasm, the widget plus the host-page API
# (cargo feature `embed`, bin fortress-embed), into Trunk's staging directory beside the standalone
# page's build, as fortress-embed.js and fortress-embed_bg.wasm for www/fortress.js to load; and the
# reader tools' wasm (crate fortress-tools: the CSV, the JSON and the picture), as fortress-tools.js
# and fortress-tools_bg.wasm, which www/tools.js loads only when a reader asks for a file.
# It runs the same tools as Trunk, at the versions Trunk.toml pins: cargo (in the environment Trunk
# was run in: the pinned nightly for release builds, see release_env in lib.sh), the wasm-bindgen
# CLI (--target web) and, in release builds, wasm-opt -Oz. In release builds it also minifies the
# JavaScript glue of both builds.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook (trunk build / trunk serve)}"
profile=${TRUNK_PROFILE:-debug}
release=()
[ "$profile" = release ] && release=(--release)

wasm_dir="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile"
cargo build --offline --target wasm32-unknown-unknown --bin fortress-embed --features embed "${release[@]}"
wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name fortress-embed \
  "$wasm_dir/fortress-embed.wasm"
# The reader tools: a library crate, so cargo names its wasm after the crate (fortress_tools.wasm).
cargo build --offline --target wasm32-unknown-unknown -p fortress-tools --lib "${release[@]}"
wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name fortress-tools \
  "$wasm_dir/fortress_tools.wasm"
if [ "$profile" = release ]; then
  # The same wasm-opt parameters as Trunk's for the standalone page (index.html, written once there).
  read -ra opt_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
  for name in fortress-embed fortress-tools; do
    out="$TRUNK_STAGING_DIR/${name}_bg.wasm"
    wasm-opt -Oz "${opt_params[@]}" --output="$out.opt" "$out"
    mv "$out.opt" "$out"
  done

  # Trunk's own minifier cannot parse wasm-bindgen's glue and leaves it as it is (with a warning),
  # so terser (npm, package.json) minifies every build's glue: a quarter of its brotli bytes. The
  # page names its glue with an integrity hash, which is written anew for the minified file.
  # The widget's wasm-bindgen snippet (www/lazy.js, under snippets/<crate-hash>/) is minified too,
  # and so are the loaders copied from www/ that every embed (fortress.js) or a reader's first file
  # (tools.js) loads: www/ keeps them as written, for publishers to read.
  mapfile -t snippets < <(cd "$TRUNK_STAGING_DIR" && find snippets -name '*.js')
  for glue in fortress-widget.js fortress-embed.js fortress-tools.js fortress.js tools.js "${snippets[@]}"; do
    terser "$TRUNK_STAGING_DIR/$glue" --module --compress --mangle --output "$TRUNK_STAGING_DIR/$glue.min"
    mv "$TRUNK_STAGING_DIR/$glue.min" "$TRUNK_STAGING_DIR/$glue"
  done
  node --input-type=module - "$TRUNK_STAGING_DIR" fortress-widget.js "${snippets[@]}" <<'JS'
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
const [dir, ...files] = process.argv.slice(2);
let page = readFileSync(`${dir}/index.html`, 'utf8');
for (const file of files) {
  const hash = `sha384-${createHash('sha384').update(readFileSync(`${dir}/${file}`)).digest('base64')}`;
  const name = file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // Any public URL: href=/fortress-widget.js, href=/fortress/fortress-widget.js, href="./fortress-widget.js".
  const pattern = new RegExp(`(href=["']?[^"' >]*${name}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  if (!pattern.test(page)) {
    console.error(`build-embed.sh: no integrity hash for ${file} in index.html to update`);
    process.exit(1);
  }
  page = page.replace(pattern, `$1${hash}`);
}
writeFileSync(`${dir}/index.html`, page);
JS
  # What a reader downloads for an embed, for the studio to state (dist/sizes.json).
  node scripts/sizes.mjs "$TRUNK_STAGING_DIR"
fi
