#!/usr/bin/env bash
# Set up (scripts/setup.sh), then build the widget in release mode and serve it with Trunk:
# open http://127.0.0.1:${PORT:-8080}/ to see the widget on its default scenario.
# Trunk rebuilds and reloads the page when a source file changes. Stop with Ctrl-C.
# Environment: PORT (default 8080), ADDRESS (default 127.0.0.1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/setup.sh
if ! grep -q '^name = "fortress-widget"' Cargo.toml || [ ! -f index.html ]; then
  echo "serve: the widget crate (fortress-widget, index.html) is not in this checkout yet: nothing to serve" >&2
  exit 1
fi
port=${PORT:-8080}
address=${ADDRESS:-127.0.0.1}
echo "serve: building and serving the widget at http://$address:$port/ (Ctrl-C to stop)"
# RUST_BACKTRACE makes Trunk's own error messages very long; the app's are unaffected.
RUST_BACKTRACE=0 exec trunk serve --release --address "$address" --port "$port"
