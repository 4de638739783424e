#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, and the unit, property, snapshot
# and integration tests of every crate. `.ci/run` calls this script; so does a developer.
# Tests that need the corpora in ../shared say so and skip themselves when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
