#!/usr/bin/env bash
# Fortress benchmark: set up, build the release widget (trunk build --release), then print
#   - the bytes the page loads (raw, gzip, brotli; per file of dist/ and in total) against the
#     budget of 100 KB brotli,
#   - the time from navigation to an interactive widget in headless Chromium (median of cold loads),
#   - a slider step's latency (median, p95) at 1x and 4x CPU throttling, as work (input -> DOM
#     updated and laid out) and as paint (input -> next painted frame), beside the same step on a
#     plain hand-written JavaScript page (bench/baseline.html), and the sensitivity grid's compute time,
#   - `cargo bench -p fortress-core` (native evaluate and sensitivity-grid timings),
#   - every budget with PASS or FAIL.
# It does not fail on timing: it exits non-zero only if the size budget is blown (or the build fails).
# Environment: BENCH_LOADS (default 7), BENCH_STEPS (default 50), BENCH_THROTTLE (default 4),
# FORTRESS_SKIP_SETUP=1 to skip the set-up checks.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ "${FORTRESS_SKIP_SETUP:-}" != "1" ]; then
  bash scripts/setup.sh
fi
if ! grep -q '^name = "fortress-widget"' Cargo.toml || [ ! -f index.html ]; then
  echo "bench: the widget crate (fortress-widget, index.html) is not in this checkout yet: nothing to measure" >&2
  exit 1
fi

echo "bench: trunk build --release"
RUST_BACKTRACE=0 trunk build --release
echo

# The core's native timings first (they build in the bench profile), so that the browser figures
# and the budgets close the output.
echo "== Rule core micro-benchmarks (cargo bench -p fortress-core) =="
NATIVE=$(mktemp "${TMPDIR:-/tmp}/fortress-bench-native.XXXXXX")
trap 'rm -f "$NATIVE"' EXIT
if compgen -G 'core/benches/*.rs' >/dev/null || grep -q '^\[\[bench\]\]' core/Cargo.toml; then
  if ! cargo bench -q -p fortress-core --bench evaluate 2>&1 | tee "$NATIVE"; then
    echo "bench: note: cargo bench -p fortress-core failed (see above)"
  fi
else
  echo "skipped: fortress-core has no benchmarks yet (no core/benches/*.rs)"
fi
echo

budget_rc=0
BENCH_NATIVE_FILE="$NATIVE" node bench/bench.mjs || budget_rc=$?
echo
case $budget_rc in
  0) echo "bench: done; page weight within the 100 KB brotli budget" ;;
  1) echo "bench: FAILED: the page loads more than the 100 KB brotli budget (see 'budget:' above)" >&2 ;;
  *) echo "bench: FAILED: bench/bench.mjs exited $budget_rc" >&2 ;;
esac
exit "$budget_rc"
