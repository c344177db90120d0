#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Re-renders the committed icon files from org.talker.Talker.svg.
# The build never runs this: the PNG, ICO and ICNS files are committed.
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
svg=org.talker.Talker.svg
sizes=(16 22 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
    mkdir -p "hicolor/${s}x${s}/apps"
    rsvg-convert -w "$s" -h "$s" "$svg" -o "hicolor/${s}x${s}/apps/org.talker.Talker.png"
done
p() { echo "hicolor/$1x$1/apps/org.talker.Talker.png"; }
icotool -c -o talker.ico "$(p 16)" "$(p 24)" "$(p 32)" "$(p 48)" "$(p 64)" -r "$(p 128)" -r "$(p 256)"
png2icns talker.icns "$(p 16)" "$(p 32)" "$(p 128)" "$(p 256)" "$(p 512)" >/dev/null
echo "rendered ${#sizes[@]} PNG sizes, talker.ico, talker.icns"
