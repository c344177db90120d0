#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Gates that need no build: every file has its licence (reuse lint), and every C++
# file follows .clang-format. Run from anywhere; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

reuse lint >/tmp/talker-reuse.log 2>&1 || { cat /tmp/talker-reuse.log; echo "lint: reuse lint failed"; exit 1; }
echo "lint: reuse lint: every file has an SPDX licence"

bad=()
while IFS= read -r f; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.h' '*.c')
if [ "${#bad[@]}" -gt 0 ]; then
    printf 'lint: not clang-formatted (run clang-format -i): %s\n' "${bad[@]}"
    exit 1
fi
echo "lint: clang-format: $(git ls-files '*.cpp' '*.h' '*.c' | wc -l) files clean"
