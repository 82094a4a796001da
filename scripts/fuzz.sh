#!/usr/bin/env bash
# Fuzz the share-link decoder (fuzz/fuzz_targets/decode.rs) and the deal reader
# (fuzz/fuzz_targets/deal.rs) with cargo-fuzz and libFuzzer on the nightly toolchain. Installs
# cargo-fuzz if it is missing; seeds the decoder's corpus with the body of every link in
# format/tests/golden/links.txt and the deal reader's with every deal file in core/deals/, so the
# fuzzer starts from real links and real deals (and a dictionary of the deal format's words).
# Usage: bash scripts/fuzz.sh                     a smoke run: 20,000 links (FUZZ_RUNS to change)
#                                                 and 20,000 deals (FUZZ_DEAL_RUNS)
#        FUZZ_SECONDS=60 bash scripts/fuzz.sh     a longer run, for that many seconds each
# A crash is saved under fuzz/artifacts/<target>/ and the script exits non-zero; replay it with
#   cargo +$RELEASE_NIGHTLY fuzz run <target> fuzz/artifacts/<target>/<file>   (the nightly lib.sh pins)
# The corpora grow in fuzz/corpus/<target>/ (ignored by git), so later runs start where this one ended.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The pinned nightly (setup.sh installs it, for the release wasm too).
if ! rustup toolchain list | grep -q "^$RELEASE_NIGHTLY-"; then
  echo "fuzz.sh: installing $RELEASE_NIGHTLY" >&2
  rustup toolchain install "$RELEASE_NIGHTLY" --profile minimal
fi
if [ "$(cargo-fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION" >&2
  cargo "+$STABLE_RUST" install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

corpus=fuzz/corpus/decode
mkdir -p "$corpus"
# A link is "1." + base64url(body) + two check characters; the fuzzer's inputs are bodies (and texts).
n=0
while read -r link; do
  n=$((n + 1))
  payload=${link#1.}
  payload=${payload%??}
  while [ $((${#payload} % 4)) -ne 0 ]; do payload="$payload="; done
  printf '%s' "$payload" | tr -- '-_' '+/' | base64 -d >"$corpus/golden-$n" 2>/dev/null || rm -f "$corpus/golden-$n"
  printf '%s' "$link" >"$corpus/golden-text-$n"
done < <(sed -n 's/^link: //p' format/tests/golden/links.txt)

# Inputs as long as a big link: the decoder refuses text over 64 KiB before reading it.
args=(-max_len=8192)
if [ -n "${FUZZ_SECONDS:-}" ]; then
  args+=(-max_total_time="$FUZZ_SECONDS")
  echo "fuzz.sh: fuzzing the link decoder for $FUZZ_SECONDS seconds"
else
  args+=(-runs="${FUZZ_RUNS:-20000}")
  echo "fuzz.sh: fuzzing the link decoder for ${FUZZ_RUNS:-20000} inputs"
fi
cargo "+$RELEASE_NIGHTLY" fuzz run --fuzz-dir fuzz decode "$corpus" -- "${args[@]}"

# The deal reader: a deal file is JSON of up to 256 KiB; the built-in deals are about 25 KB.
deal_corpus=fuzz/corpus/deal
mkdir -p "$deal_corpus"
for deal in core/deals/*.json; do
  cp "$deal" "$deal_corpus/seed-$(basename "$deal")"
done
# The full example of docs/DEALS.md (its first JSON block): small, and every part of the format.
sed -n '/^```json$/,/^```$/{/^```/d;p}' docs/DEALS.md | awk 'BEGIN{n=0} /^}$/ && n==0 {print; n=1; next} n==0' >"$deal_corpus/seed-docs-example.json"
deal_args=(-max_len=65536 -dict=fuzz/deal.dict)
if [ -n "${FUZZ_SECONDS:-}" ]; then
  deal_args+=(-max_total_time="$FUZZ_SECONDS")
  echo "fuzz.sh: fuzzing the deal reader for $FUZZ_SECONDS seconds"
else
  deal_args+=(-runs="${FUZZ_DEAL_RUNS:-20000}")
  echo "fuzz.sh: fuzzing the deal reader for ${FUZZ_DEAL_RUNS:-20000} inputs"
fi
cargo "+$RELEASE_NIGHTLY" fuzz run --fuzz-dir fuzz deal "$deal_corpus" -- "${deal_args[@]}"
