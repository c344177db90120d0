#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Builds preset `asan` (AddressSanitizer + UndefinedBehaviorSanitizer, core + server +
# tests, no app) into build-asan/ and runs the unit, protocol, store, server, client,
# models, security and fuzz-replay tests under it. Zero reports allowed: every report of
# every process (tests and the talker-server they launch) goes to a log file, and any
# such file fails the run. UBSan (built with -fno-sanitize-recover) prints to stderr and
# aborts the process, which fails the test that ran it.
#
#   tests/sanitizers/run-asan.sh                 # the CI selection (~10 min on 2 cores)
#   tests/sanitizers/run-asan.sh -R tst_codec    # extra arguments go to ctest
#
# Environment: TALKER_ASAN_JOBS (build parallelism, default 2),
#              TALKER_ASAN_LABELS (ctest -L regex), TALKER_ASAN_EXCLUDE (ctest -LE regex).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$src"
build="$src/build-asan"
jobs="${TALKER_ASAN_JOBS:-2}"
labels="${TALKER_ASAN_LABELS:-unit|protocol|store|server|client|models|integration|security|fuzz}"
exclude="${TALKER_ASAN_EXCLUDE:-soak|app|e2e|installer|bench}"
start=$(date +%s)

cmake --preset asan >/dev/null
cmake --build --preset asan --parallel "$jobs"

logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
supp="$src/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$logs/asan"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp:log_path=$logs/ubsan"

status=0
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 600 \
    -L "$labels" -LE "$exclude" "$@" || status=$?

reports=$(find "$logs" -type f | wc -l)
if [ "$reports" -ne 0 ]; then
    echo "run-asan: $reports sanitizer report file(s):" >&2
    for f in "$logs"/*; do
        echo "===== $f" >&2
        head -n 60 "$f" >&2
    done
    status=1
fi
echo "run-asan: ctest exit $status, $reports sanitizer reports, $(( $(date +%s) - start )) s"
exit "$status"
