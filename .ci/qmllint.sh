#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# qmllint over the QML module as built (its qmldir and the C++ types' qmltypes live in
# BUILD/qml/Talker): any warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
qmllint=/usr/lib/qt6/bin/qmllint
[ -x "$qmllint" ] || qmllint=$(command -v qmllint6 || command -v qmllint)
module="$build/qml/Talker"
[ -f "$module/qmldir" ] || { echo "qmllint: $module/qmldir missing (build first)"; exit 1; }
out=$(cd "$module" && "$qmllint" -I .. -I "$OLDPWD/$build/qml" ./*.qml 2>&1) || true
if [ -n "$out" ]; then
    echo "$out"
    echo "qmllint: $(grep -c '^Warning' <<<"$out") warnings"
    exit 1
fi
echo "qmllint: $(ls "$module"/*.qml | wc -l) QML files, 0 warnings"
