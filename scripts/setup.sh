#!/usr/bin/env bash
# Installs everything Outturn needs to build, serve and test, on Debian with
# Rust (rustup) already present. Idempotent: each step checks for the pinned
# version first and is skipped when it is already there, so a second run takes
# well under a second. Versions are pinned here and in Cargo.lock/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned tool versions. trunk 0.22 needs rustc >= 1.96.1, so stay on 0.21.x.
TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen crate version in Cargo.lock (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium (browser tests and screenshots), fonts for it,
#    Node.js + npm (Playwright driver, wasm-opt from npm's binaryen).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

# playwright-core 1.64 declares Node >= 20; Debian 12's own nodejs is 18.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "warning: Node.js $(node --version 2>/dev/null) is older than the 20 the browser tests are tested with"
fi

export PATH="$HOME/.cargo/bin:$PATH"

# 3. trunk, built without TLS/update-check features and in the dev profile
#    without debug info: 3 minutes instead of 11, same behaviour.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 3 minutes)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install trunk --version "$TRUNK_VERSION" --locked \
    --no-default-features --debug --force
fi

# 4. wasm-bindgen-cli at exactly the crate's version. Not --locked: its own lock
#    file names a webpki-roots release the registry does not serve.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 5. npm packages (binaryen's wasm-opt, esbuild, playwright-core, axe-core), exactly as locked.
stamp=node_modules/.outturn-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

say "done"
