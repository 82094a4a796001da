#!/usr/bin/env bash
# Set up (scripts/setup.sh), then run every check and test of Fortress, in order, stopping at the
# first failure with the name of the step that failed:
#   fmt, clippy (native, all targets), clippy (widget and reader tools on wasm32), cargo test
#   (native: core, format, cli, reader tools, widget render tests), a fuzz smoke of the link
#   decoder, cargo test on wasm32 (widget, in headless Chromium), the release build (trunk build
#   --release, on the pinned nightly), the page weight against its budgets (bench/weight.mjs), and
#   the end-to-end tests (node --test tests/e2e/ against dist/ in headless Chromium).
# Usage: bash scripts/test.sh        (CI runs it through .ci/run)
#        FORTRESS_SKIP_SETUP=1 bash scripts/test.sh   to skip the set-up checks
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "${CI:-}" = "true" ]; then
  export CARGO_INCREMENTAL=0 # a fresh clone builds once: incremental data is only extra writes
fi

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/fortress-test.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
started=$SECONDS
steps_done=0
timings=()

# step NAME CMD... : run CMD with its output shown and kept; stop the whole run if it fails.
step() {
  local name=$1
  shift
  local t0=$SECONDS
  printf '\n==> [%s] %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$LOGS/$((steps_done + 1))-${name//[^A-Za-z0-9_-]/_}.log"
  local rc=${PIPESTATUS[0]}
  local took=$((SECONDS - t0))
  if [ "$rc" -ne 0 ]; then
    printf '\ntest.sh: FAILED at step "%s" (exit %s, after %ss): %s\n' "$name" "$rc" "$took" "$*" >&2
    printf 'test.sh: steps passed before it: %s\n' "${timings[*]:-none}" >&2
    exit "$rc"
  fi
  steps_done=$((steps_done + 1))
  timings+=("$name=${took}s")
  printf '==> [%s] ok in %ss\n' "$name" "$took"
}

# The release build, in the environment that builds it with the pinned nightly (lib.sh).
release_build() {
  release_env
  trunk build --release
}

if [ "${FORTRESS_SKIP_SETUP:-}" = "1" ]; then
  printf '\n==> [setup] skipped: FORTRESS_SKIP_SETUP=1\n'
else
  step setup bash scripts/setup.sh
fi
step fmt cargo fmt --all --check
step clippy cargo clippy --workspace --all-targets -- -D warnings
step clippy-wasm cargo clippy --target wasm32-unknown-unknown -p fortress-widget --features embed -- -D warnings
step clippy-wasm-tools cargo clippy --target wasm32-unknown-unknown -p fortress-tools -- -D warnings
step test cargo test --workspace
# The crates as the lighter build (standalone page, embeds) compiles them: without the feature `full`,
# which the workspace's CLI and tools turn on for the whole workspace.
step clippy-lean cargo clippy -p fortress-core -p fortress-format -p fortress-widget --all-targets -- -D warnings
step test-lean cargo test -p fortress-core -p fortress-format -p fortress-widget
# The widget as the full build (tools/) compiles it, which only a wasm build otherwise sees.
step clippy-full cargo clippy -p fortress-widget --features full --all-targets -- -D warnings
step test-full cargo test -p fortress-widget --features full
# A fixed-count smoke run of the link decoder's fuzz target (nightly + cargo-fuzz; see scripts/fuzz.sh).
step fuzz bash scripts/fuzz.sh
step test-wasm cargo test --target wasm32-unknown-unknown -p fortress-widget
step release-build release_build
step weight node bench/weight.mjs
step e2e node --test --test-reporter=spec tests/e2e/*.test.mjs

# Add up what the runners reported: cargo's "test result:" lines (native, doc and wasm tests)
# and node's test runner summary.
read -r passed failed skipped < <(cat "$LOGS"/*.log | awk '
  /^test result: / {
    for (i = 1; i <= NF; i++) {
      if ($(i) ~ /^passed;?$/) p += $(i - 1)
      if ($(i) ~ /^failed;?$/) f += $(i - 1)
      if ($(i) ~ /^ignored;?$/) s += $(i - 1)
    }
  }
  /^(ℹ|#) pass [0-9]+$/ { p += $3 }
  /^(ℹ|#) fail [0-9]+$/ { f += $3 }
  /^(ℹ|#) (skipped|todo) [0-9]+$/ { s += $3 }
  END { print p + 0, f + 0, s + 0 }')

printf '\ntest.sh: all %s steps passed in %ss (%s)\n' "$steps_done" "$((SECONDS - started))" "${timings[*]}"
printf 'tests: %s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
