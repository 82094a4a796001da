#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): builds the embed wasm, the widget plus the host-page API
# (cargo feature `embed`, bin fortress-embed), into Trunk's staging directory beside the standalone
# page's build, as fortress-embed.js and fortress-embed_bg.wasm for www/fortress.js to load.
# It runs the same tools as Trunk, at the versions Trunk.toml pins: cargo, the wasm-bindgen CLI
# (--target web) and, in release builds, wasm-opt -Oz.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook (trunk build / trunk serve)}"
profile=${TRUNK_PROFILE:-debug}
release=()
[ "$profile" = release ] && release=(--release)

cargo build --offline --target wasm32-unknown-unknown --bin fortress-embed --features embed "${release[@]}"
wasm="target/wasm32-unknown-unknown/$profile/fortress-embed.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name fortress-embed "$wasm"
if [ "$profile" = release ]; then
  out="$TRUNK_STAGING_DIR/fortress-embed_bg.wasm"
  wasm-opt -Oz --output="$out.opt" "$out"
  mv "$out.opt" "$out"
fi
