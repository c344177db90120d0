#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Talker's accessibility tree over AT-SPI as a screen reader (Orca) does and
checks what it must hold (issue 14), then walks the keyboard path with Tab.

    a11y_check.py APP_PID [--no-keyboard]
"""
import sys
import time

import pyatspi

PID = int(sys.argv[1])
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def find_app(timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == PID:
                    return app
            except Exception:
                pass
        time.sleep(0.5)
    return None


def walk(node, depth=0, out=None):
    """Every accessible under node (showing ones), as (node, role, name, states)."""
    if out is None:
        out = []
    if node is None or depth > 40:
        return out
    try:
        states = node.getState()
        role = node.getRoleName()
        name = node.name or ""
        count = node.childCount
    except Exception:
        return out
    out.append((node, role, name, states))
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, depth + 1, out)
    return out


def showing(entry):
    return entry[3].contains(pyatspi.STATE_SHOWING)


def dump(tree):
    for _, role, name, states in tree:
        if states.contains(pyatspi.STATE_SHOWING):
            print("   ", role, "|", name)


app = find_app()
check(app is not None, "the app is on the AT-SPI bus")
if app is None:
    sys.exit(1)

tree = []
deadline = time.time() + 30
while time.time() < deadline:
    tree = walk(app)
    if any("Morning!" in name for _, _, name, _ in tree):
        break
    time.sleep(0.5)

check(app.childCount > 0, "the application node has children (%d)" % app.childCount)
roles = [(role, name) for _, role, name, states in tree]
check(any(r == "frame" and "Talker" in n for r, n in roles), "a frame named after the chat")

visible = [e for e in tree if showing(e)]
items = [(r, n) for _, r, n, _ in visible if r == "list item"]
check(any(n.startswith("Main") for _, n in items), "the sidebar room is a list item: Main")
check(any("bob" in n and "Morning!" in n and "build" in n and "**" not in n for _, n in items),
      "a message reads author, time and plain text")
check(any(r == "list" and n == "Rooms" for r, n in ((r, n) for _, r, n, _ in visible)),
      "the room list is a named list")
composer = [e for e in visible if e[1] in ("entry", "text") and e[2] == "Message text"]
check(bool(composer) and composer[0][3].contains(pyatspi.STATE_EDITABLE),
      "the composer is a named editable text")
unnamed = [r for _, r, n, _ in visible if r in ("push button", "toggle button") and not n.strip()]
check(not unnamed, "every button has a name (%d without)" % len(unnamed))
members = [n for _, r, n, _ in visible if r == "list item" and n.startswith("alice")]
check(bool(members), "members are list items with presence: %s" % members[:1])


def focused():
    for node, role, name, states in walk(app):
        if states.contains(pyatspi.STATE_FOCUSED) and role not in ("frame", "window", "filler"):
            return role, name
    return None


KEYSYMS = {"Tab": 0xFF09, "ISO_Left_Tab": 0xFE20, "Down": 0xFF54, "Return": 0xFF0D}


def press(key):
    """A key press and release through the AT-SPI registry (XTest underneath)."""
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
    time.sleep(0.4)


if "--no-keyboard" in sys.argv:
    if failures:
        print("tree as read:")
        dump(tree)
    sys.exit(1 if failures else 0)

# Keyboard only: Tab reaches the sidebar, the messages, the composer, the members.
stops = []
for _ in range(14):
    press("Tab")
    stop = focused()
    stops.append(stop)
print("    Tab stops:", stops)
names = " | ".join("%s:%s" % s for s in stops if s)
check(any(s and s[1] == "Rooms" for s in stops) or any(s and s[0] == "list item" and s[1].startswith("Main") for s in stops),
      "Tab reaches the sidebar rooms")
check(any(s and s[1] == "Messages" for s in stops) or any(s and "Morning!" in s[1] for s in stops),
      "Tab reaches the message list")
check(any(s and s[1] == "Message text" for s in stops), "Tab reaches the composer")
check(any(s and s[1] == "Members" for s in stops) or any(s and s[1].startswith("alice") for s in stops),
      "Tab reaches the members")

if failures:
    print("tree as read:")
    dump(tree)
    sys.exit(1)
