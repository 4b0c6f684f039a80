#!/usr/bin/env bash
# The benchmark, one command: ./bench/run.sh
# Set-up (scripts/setup.sh, idempotent), the release build, the peer chart
# libraries from npm (pinned in bench/package-lock.json, never committed),
# the generated datasets (bench/generate.mjs), then every measurement in
# headless Chromium (bench/run.mjs), written to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
node bench/generate.mjs
node bench/run.mjs
