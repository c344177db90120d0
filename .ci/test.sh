#!/usr/bin/env bash
# Runs every test stage over an existing build (default: ./build).
# Each stage is a CTest label set; stages that need extra services start them
# through their own wrapper scripts registered in CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 600
