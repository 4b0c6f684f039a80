#!/usr/bin/env bash
# Set-up (idempotent), then serves the widget with the default data at
# http://127.0.0.1:8080/ (rebuilding on changes). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Outturn: http://127.0.0.1:${PORT:-8080}/"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
