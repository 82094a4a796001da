#!/usr/bin/env bash
# Set up (scripts/setup.sh), then build the widget in release mode and serve it with Trunk:
# open http://127.0.0.1:${PORT:-8080}/ to see the widget on its default scenario.
# Trunk rebuilds and reloads the page when a source file changes. Stop with Ctrl-C.
# Environment: PORT (default 8080), ADDRESS (default 127.0.0.1).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash scripts/setup.sh
port=${PORT:-8080}
address=${ADDRESS:-127.0.0.1}
echo "serve: building and serving the widget at http://$address:$port/ (Ctrl-C to stop)"
release_env
exec trunk serve --release --address "$address" --port "$port"
