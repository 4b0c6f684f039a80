#!/usr/bin/env bash
# Runs every test: set-up (idempotent), fmt, clippy, the docs, native tests
# of the core and CLI, the release build, the size guard and the browser
# tests in headless Chromium.
#
#   scripts/test.sh          everything (what CI runs)
#   scripts/test.sh --quick  fmt, clippy, the docs and the native tests only:
#                            for development, 12 to 15 s once built; no
#                            set-up, no build of the page, no browser
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
esac
$quick || ./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native: core, CLI)"
cargo clippy --locked -p outturn-core -p outturn-cli --all-targets -- -D warnings
step "clippy (wasm32: widget, importer, web kit)"
cargo clippy --locked --target wasm32-unknown-unknown -p outturn-web -p outturn-import-web -p outturn-web-kit -- -D warnings

step "docs (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p outturn-core -p outturn-cli
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --target wasm32-unknown-unknown -p outturn-web -p outturn-import-web -p outturn-web-kit

step "native tests (core, CLI)"
cargo test --locked -p outturn-core -p outturn-cli
$quick && exit 0

step "release build (trunk)"
trunk build --release

step "size budget"
node tools/size-budget.mjs

step "browser tests (headless Chromium)"
node --test tests/browser/
