#!/usr/bin/env bash
# Fortress benchmark: set up, build the release widget (trunk build --release, on the pinned nightly),
# then print
#   - the bytes (brotli) the standalone page and a page with two embedded widgets load, per file,
#     against their budgets (bench/weight.mjs),
#   - the time from navigation to an interactive widget in headless Chromium (median of cold loads),
#   - a slider step's latency (median, p95) at 1x and 4x CPU throttling, as work (input -> DOM
#     updated and laid out) and as paint (input -> next painted frame), beside the same step on a
#     plain hand-written JavaScript page (bench/baseline.html), and on a large scenario (300 holders,
#     6 rounds), and the sensitivity grid's compute time,
#   - `cargo bench -p fortress-core` (native evaluate and sensitivity-grid timings),
#   - every budget with PASS or FAIL.
# It does not fail on timing: it exits non-zero only if a weight budget is blown (or the build fails).
# Environment: BENCH_LOADS (default 7), BENCH_STEPS (default 50), BENCH_THROTTLE (default 4),
# FORTRESS_SKIP_SETUP=1 to skip the set-up checks.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${FORTRESS_SKIP_SETUP:-}" != "1" ]; then
  bash scripts/setup.sh
fi

echo "bench: trunk build --release"
(release_env && trunk build --release)
echo

# The core's native timings first (they build in the bench profile), so that the browser figures
# and the budgets close the output.
echo "== Rule core micro-benchmarks (cargo bench -p fortress-core) =="
NATIVE=$(mktemp "${TMPDIR:-/tmp}/fortress-bench-native.XXXXXX")
trap 'rm -f "$NATIVE"' EXIT
if ! cargo bench -q -p fortress-core --bench evaluate 2>&1 | tee "$NATIVE"; then
  echo "bench: note: cargo bench -p fortress-core failed (see above)"
fi
echo

# The large scenario's share link, from the shared fixture (fortress_testkit::synthetic).
BENCH_BIG_LINK=$(cargo run -q -p fortress-testkit --example synthetic -- 300 6 |
  cargo run -q -p fortress-cli -- link - --base "" | sed 's/^#//')
export BENCH_BIG_LINK

rc=0
BENCH_NATIVE_FILE="$NATIVE" node bench/bench.mjs || rc=$?
echo
case $rc in
  0) echo "bench: done; every page within its weight budget" ;;
  1) echo "bench: FAILED: a page loads more than its weight budget (see 'Page weight' above)" >&2 ;;
  *) echo "bench: FAILED: bench/bench.mjs exited $rc" >&2 ;;
esac
exit "$rc"
