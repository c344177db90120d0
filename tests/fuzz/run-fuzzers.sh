#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Builds the libFuzzer harnesses with clang (ASan + UBSan + libFuzzer) in build-fuzz/
# and runs each one for its share of SECONDS (default 60: the CI smoke run).
#
#   tests/fuzz/run-fuzzers.sh            # 60 s in total, split over the harnesses
#   tests/fuzz/run-fuzzers.sh 3600       # a longer run (1 h)
#
# Seeds come from tests/fuzz/corpus/<harness without "fuzz_">/; the growing corpus and any
# crash artifacts stay in build-fuzz/fuzz-work/<harness>/. A crash, sanitizer report or
# broken invariant makes the script exit non-zero and names the input that caused it
# (copy it into tests/fuzz/corpus/<area>/ as regress-*.bin once fixed).
# Every run appends its figures to build-fuzz/fuzz-work/history.log.
set -euo pipefail
total="${1:-60}"
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${TALKER_FUZZ_BUILD:-$src/build-fuzz}"
work="$build/fuzz-work"
jobs="${TALKER_FUZZ_BUILD_JOBS:-2}"

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DTALKER_FUZZ=ON \
        -DTALKER_BUILD_APP=OFF -DTALKER_BUILD_BENCH=OFF -DTALKER_BUILD_TESTS=ON \
        -DCMAKE_CXX_FLAGS="$flags" >/dev/null
fi
cmake --build "$build" --target talker_fuzzers --parallel "$jobs" | tail -n 1

mapfile -t harnesses < <(find "$build/tests/fuzz" -maxdepth 1 -type f -name 'fuzz_*' \
    ! -name '*_replay' -perm -u+x -printf '%f\n' | sort)
if [ "${#harnesses[@]}" -eq 0 ]; then
    echo "run-fuzzers: no harness built" >&2
    exit 1
fi
each=$(( total / ${#harnesses[@]} ))
[ "$each" -lt 5 ] && each=5

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export QT_QPA_PLATFORM=offscreen
status=0
summary=""
for h in "${harnesses[@]}"; do
    area="${h#fuzz_}"
    dir="$work/$h"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    seeds="$src/tests/fuzz/corpus/$area"
    log="$dir/last.log"
    # Per-input leak checks cost 10x in the harnesses that build whole servers/accounts
    # (Qt and SQLite keep caches between inputs); leaks are checked at exit by
    # tests/sanitizers/run-asan.sh instead. The protocol harness keeps them on.
    leaks=1
    [ "$h" = fuzz_protocol ] || leaks=0
    set +e
    "$build/tests/fuzz/$h" "$dir/corpus" "$seeds" -max_total_time="$each" -detect_leaks="$leaks" \
        -max_len=8192 -rss_limit_mb=2560 -timeout=20 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
    line="$h: ${runs:-?} executions in ${each}s, coverage ${cov:-?} edges, exit $rc"
    if [ "$rc" -ne 0 ]; then
        status=1
        line="$line  FINDING: $(grep -Eo "Test unit written to .*" "$log" | tail -n 1)"
        grep -E "ERROR|SUMMARY|invariant" "$log" | head -n 5 >&2 || true
    fi
    echo "$line"
    summary+="$(date -u +%FT%TZ) $line"$'\n'
done
printf '%s' "$summary" >>"$work/history.log"
exit "$status"
