#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, and the unit, property, snapshot
# and integration tests of every crate. `.ci/run` calls this script; so does a developer.
# Tests that need the corpora in ../shared say so and skip themselves when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser test (crates/isnad-cli/tests/browser.rs) drives headless Chromium through
# chromedriver. Install them when missing (Debian), and check that Chromium really runs.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "== cannot run '$*' (not root, no sudo)"; return 1
  fi
}
chromium_runs() {
  command -v chromium >/dev/null &&
    timeout 60 chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
      --dump-dom about:blank 2>/dev/null | grep -q "<body"
}
if [ "${ISNAD_SKIP_BROWSER:-}" != 1 ]; then
  if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
    echo "== installing chromium and chromium-driver for the browser test"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium chromium-driver
  fi
  if ! chromium_runs; then
    echo "== chromium does not start; finishing interrupted package configuration"
    as_root env DEBIAN_FRONTEND=noninteractive dpkg --configure -a || true
    chromium_runs || echo "== chromium still does not start: the browser test will say why"
  fi
fi

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
