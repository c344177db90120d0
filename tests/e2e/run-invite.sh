#!/bin/sh
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end test of the invite flow (issue 13):
#   run-invite.sh TALKER BUILD_DIR
# Under Xvfb with the AT-SPI bus, openbox and an unlocked gnome-keyring, profile A
# hosts its local room (--host-local); invite_flow.py makes a link with "Invite
# someone…", starts a second app with profile B on that link, joins with one click,
# and checks that A and B read each other's messages. Then B's token is in the
# keychain and in no file. Screenshots: BUILD_DIR/e2e-invite-{link,join,chat}.png.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/session.sh"
session_enter "$@"
talker="$1"; build="$2"
session_init invite

start_keyring
start_atspi
start_openbox

# Side by side, so that a click on one never lands on the other.
USER=alice "$talker" --host-local --profile "$work/A" -geometry 630x780+0+0 >"$work/a.log" 2>&1 &
app=$!
pids="$pids $app"
wait_for 30 window_named "Lobby — Talker" || fail "no local room window: $(cat "$work/a.log")"

/usr/bin/python3 "$here/invite_flow.py" "$app" "$talker" "$work/B" "$build" "$work/b.log" ||
    fail "see above; A: $(tail -n 20 "$work/a.log") B: $(tail -n 20 "$work/b.log")"

# carol's new token went into the keychain under B's account, and into no plain file
# (A's local account gets its token from the embedded server at each start).
keychain="$(secret-tool search --all server Talker 2>&1)"
stored=0
for id in $(printf '%s\n' "$keychain" | sed -n 's/^attribute.user = //p'); do
    grep -q "\"$id\"" "$work/B/accounts.json" && stored=1
done
[ "$stored" = 1 ] || fail "B's token is not in the keychain: $keychain"
for token in $(printf '%s\n' "$keychain" | sed -n 's/^secret = //p'); do
    if grep -rqF "$token" "$work/A" "$work/B" "$work/a.log" "$work/b.log"; then
        fail "a token is in a plain file: $(grep -rlF "$token" "$work/A" "$work/B" "$work"/*.log)"
    fi
done
echo "invite: B's token is in the keychain only"
echo "invite: PASS"
