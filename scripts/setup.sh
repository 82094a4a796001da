#!/usr/bin/env bash
# Set up everything Fortress needs to build, serve and test, on a fresh Debian machine (as root)
# that reaches only the package registries (crates.io, npm, PyPI, Debian) and Rust's own
# distribution server (rustup).
#
# Idempotent: each step checks what is already there and installs only what is missing, at the
# versions scripts/lib.sh names, so a second run takes a second or two. docs/TOOLCHAIN.md says why
# these versions and these sources (wasm-opt from npm, Chromium from Debian, no browser downloads).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export DEBIAN_FRONTEND=noninteractive

started=$SECONDS
say() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: ERROR: %s\n' "$*" >&2
  exit 1
}
LOGDIR="${TMPDIR:-/tmp}/fortress-setup"
mkdir -p "$LOGDIR"
# Run a long install quietly into a log; on failure show the end of the log and stop.
logged() {
  local name=$1
  shift
  local log="$LOGDIR/$name.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "$name failed (full log: $log)"
  fi
}

# --- 1. Rust toolchain from rust-toolchain.toml -------------------------------------------------
command -v rustup >/dev/null || die "rustup is not installed (the machine image should have it)"
toml_list() { # toml_list KEY -> the strings of KEY = [ "a", "b" ] in rust-toolchain.toml
  sed -n "s/^$1 *= *\[\(.*\)\]/\1/p" rust-toolchain.toml | tr -d '" ' | tr ',' ' '
}
TOOLCHAIN=$STABLE_RUST
[ -n "$TOOLCHAIN" ] || die "no channel in rust-toolchain.toml"
if rustup toolchain list | grep -q "^$TOOLCHAIN-"; then
  say "rust $TOOLCHAIN: present"
else
  say "rust $TOOLCHAIN: installing"
  logged rustup-toolchain rustup toolchain install "$TOOLCHAIN" --profile minimal
fi
have_targets=$(rustup target list --installed --toolchain "$TOOLCHAIN")
for t in $(toml_list targets); do
  if grep -qx "$t" <<<"$have_targets"; then
    say "rust target $t: present"
  else
    say "rust target $t: installing"
    logged rustup-target rustup target add --toolchain "$TOOLCHAIN" "$t"
  fi
done
have_components=$(rustup component list --installed --toolchain "$TOOLCHAIN")
for c in $(toml_list components); do
  if grep -q "^$c-" <<<"$have_components"; then
    say "rust component $c: present"
  else
    say "rust component $c: installing"
    logged rustup-component rustup component add --toolchain "$TOOLCHAIN" "$c"
  fi
done

# The release wasm's nightly, with the standard library's source (it is rebuilt for size) and the
# crates that source depends on, fetched now so that the build itself can run offline.
if rustup toolchain list | grep -q "^$RELEASE_NIGHTLY-"; then
  say "rust $RELEASE_NIGHTLY: present"
else
  say "rust $RELEASE_NIGHTLY: installing (the release wasm is built with it)"
  logged rustup-nightly rustup toolchain install "$RELEASE_NIGHTLY" --profile minimal
fi
if rustup component list --installed --toolchain "$RELEASE_NIGHTLY" | grep -q '^rust-src'; then
  say "rust-src for $RELEASE_NIGHTLY: present"
else
  say "rust-src for $RELEASE_NIGHTLY: installing"
  logged rustup-rust-src rustup component add rust-src --toolchain "$RELEASE_NIGHTLY"
fi
std_manifest="$(rustc "+$RELEASE_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
logged fetch-std cargo "+$RELEASE_NIGHTLY" fetch --manifest-path "$std_manifest"

# --- 2. Debian packages: Chromium + ChromeDriver (browser tests), brotli ------------------------
missing_pkgs=()
command -v chromium >/dev/null || missing_pkgs+=(chromium)
command -v chromedriver >/dev/null || missing_pkgs+=(chromium-driver)
command -v brotli >/dev/null || missing_pkgs+=(brotli)
if [ ${#missing_pkgs[@]} -eq 0 ]; then
  say "chromium, chromium-driver, brotli: present"
else
  say "apt: installing ${missing_pkgs[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "installing Debian packages needs root: apt-get install ${missing_pkgs[*]}"
    sudo=(sudo DEBIAN_FRONTEND=noninteractive)
  fi
  logged apt-update "${sudo[@]}" apt-get update -q
  logged apt-install "${sudo[@]}" apt-get install -y -q "${missing_pkgs[@]}"
fi

# --- 3. Trunk ----------------------------------------------------------------------------------
have_trunk=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk: installing $TRUNK_VERSION (found '${have_trunk:-none}'; about 6 min on 2 cores)"
  logged cargo-install-trunk cargo "+$TOOLCHAIN" install trunk --version "$TRUNK_VERSION" --locked --force
fi

# --- 4. wasm-bindgen CLI (and wasm-bindgen-test-runner) -----------------------------------------
lock_wb=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ "$lock_wb" = "$WASM_BINDGEN_VERSION" ] ||
  die "Cargo.lock has wasm-bindgen '$lock_wb' but Trunk.toml pins $WASM_BINDGEN_VERSION: make them agree"
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_wbtr=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" = "$WASM_BINDGEN_VERSION" ] && [ "$have_wbtr" = "$WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "wasm-bindgen-cli: installing $WASM_BINDGEN_VERSION (found '${have_wb:-none}'; about 2 min)"
  # No --locked: a dependency pinned in its lock file is missing from the registry (TOOLCHAIN.md).
  logged cargo-install-wasm-bindgen cargo "+$TOOLCHAIN" install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- 5. npm devDependencies: binaryen (wasm-opt for Trunk), playwright-core, terser, axe-core --------
command -v node >/dev/null || die "node is not installed (the machine image should have node >= $NODE_MIN_MAJOR)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge "$NODE_MIN_MAJOR" ] || die "node $(node --version) is too old: need >= $NODE_MIN_MAJOR"
stamp_file=node_modules/.fortress-setup-stamp
want_stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want_stamp" ] &&
  [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -x node_modules/.bin/terser ] &&
  [ -f node_modules/axe-core/axe.min.js ]; then
  say "npm packages (package-lock.json): present"
else
  say "npm ci: installing package-lock.json"
  logged npm-ci npm ci --no-audit --no-fund
  printf '%s\n' "$want_stamp" >"$stamp_file"
fi
wasm_opt_version=$(wasm-opt --version 2>/dev/null || true)
case "$wasm_opt_version" in
  *"$WASM_OPT_VERSION"*) ;;
  *) die "wasm-opt on PATH is '$wasm_opt_version', expected $WASM_OPT_VERSION (Trunk.toml) from node_modules/.bin" ;;
esac

say "done in $((SECONDS - started))s (rust $TOOLCHAIN and $RELEASE_NIGHTLY, trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $WASM_OPT_VERSION, $(chromium --version 2>/dev/null | head -n1))"
