#!/usr/bin/env bash
# Runs every test: set-up (idempotent), fmt, clippy, native tests of the core
# and CLI, the release build, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native: core, CLI)"
cargo clippy --locked -p outturn-core -p outturn-cli --all-targets -- -D warnings
step "clippy (wasm32: widget)"
cargo clippy --locked --target wasm32-unknown-unknown -p outturn-web -- -D warnings

step "native tests (core, CLI)"
cargo test --locked -p outturn-core -p outturn-cli

step "release build (trunk)"
trunk build --release

step "size budget"
node tools/size-budget.mjs

step "browser tests (headless Chromium)"
node --test tests/browser/
