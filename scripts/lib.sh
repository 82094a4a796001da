# The preamble every script sources: the repository root as the working directory, the tools on
# PATH, and every pinned version, each written once, here or in the one file that must hold it:
#
#   Rust (stable)       rust-toolchain.toml   channel, components, targets: every build and test
#   Rust (nightly)      here, RELEASE_NIGHTLY the release wasm only (build-std, immediate-abort
#                                             panics) and the fuzz target
#   Trunk               here, TRUNK_VERSION
#   wasm-bindgen        Trunk.toml [tools]    (Cargo.toml pins the crate to the same version, as
#                                             cargo needs; setup.sh checks that they agree)
#   wasm-opt            Trunk.toml [tools]    (package.json's binaryen is the same release;
#                                             setup.sh checks the binary it installs)
#   terser, playwright  package.json          (npm ci installs package-lock.json exactly)
#   cargo-fuzz          here, CARGO_FUZZ_VERSION
#   Chromium, driver    Debian's packages     (not pinned: the distribution's current release)
#
# Usage, at the top of a script in scripts/:   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck shell=bash

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Trunk's own error messages get very long with a backtrace; the app's are unaffected.
export RUST_BACKTRACE=0

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
# The nightly the release wasm is built with, pinned by date (rustc 1.97.0-nightly e50aa6fba).
RELEASE_NIGHTLY=nightly-2026-05-20
NODE_MIN_MAJOR=20

# toml_value FILE KEY -> the string value of `KEY = "..."` in FILE.
toml_value() { sed -n "s/^$2 *= *\"\(.*\)\"/\1/p" "$1" | head -n 1; }
STABLE_RUST=$(toml_value rust-toolchain.toml channel)
WASM_BINDGEN_VERSION=$(toml_value Trunk.toml wasm_bindgen)
WASM_OPT_VERSION=$(toml_value Trunk.toml wasm_opt)

# release_env: the environment in which `trunk build --release` (and Trunk's post-build hook, which
# builds the embed wasm) builds the release wasm with the pinned nightly: the standard library
# rebuilt for size (optimize_for_size) with panics that abort at once (no panic message or formatting code in the
# wasm), in a target directory of its own so that stable builds and tests keep theirs. Built for
# size, compiler_builtins (128-bit division and multiplication, which every share count takes)
# made a large table's slider step five times slower; at opt-level 3 it costs no bytes.
release_env() {
  export RUSTUP_TOOLCHAIN=$RELEASE_NIGHTLY
  export CARGO_TARGET_DIR=$ROOT/target/release-nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # The standard library's smaller implementations where it has two (sorting, formatting): 0.8 KB
  # brotli off the widget's wasm, measured on 2026-12-02.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
  export CARGO_PROFILE_RELEASE_PACKAGE_COMPILER_BUILTINS_OPT_LEVEL=3
}
