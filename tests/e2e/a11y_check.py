#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Talker's accessibility tree over AT-SPI as a screen reader (Orca) does and
checks what it must hold (issue 14), then walks the keyboard path: Tab and
Shift+Tab through sidebar, messages, composer and members, arrows within lists,
Enter to open, each stop heard as an AT-SPI focus event.

    a11y_check.py APP_PID [--no-keyboard]
"""
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

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
private = [n for _, n in items if n.startswith("bob, ") and " at " not in n]
check(any(p in n for n in private for p in (", online", ", idle", ", offline")),
      "the private chat in the sidebar says bob's presence: %s" % private[:1])
members = [n for _, r, n, _ in visible if r == "list item" and n.startswith("alice")]
check(bool(members), "members are list items with presence: %s" % members[:1])


def focused():
    """The deepest focused accessible (focus scopes above it report focus too)."""
    found = None
    for node, role, name, states in walk(app):
        if states.contains(pyatspi.STATE_FOCUSED) and role not in ("frame", "window", "filler"):
            found = (role, name)
    return found


KEYSYMS = {"Tab": 0xFF09, "ISO_Left_Tab": 0xFE20, "Up": 0xFF52, "Down": 0xFF54, "Return": 0xFF0D}


# Focus events, as a screen reader hears them ("object:state-changed:focused").
focus_events = []


def on_focus(event):
    try:
        if event.detail1 == 1 and event.source.get_process_id() == PID:
            focus_events.append((event.source.getRoleName(), event.source.name or ""))
    except Exception:
        pass


pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")


def pump(seconds):
    """Runs the main loop that delivers AT-SPI events for a while."""
    context = GLib.MainContext.default()
    deadline = time.time() + seconds
    while time.time() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def press(key):
    """A key press and release through the AT-SPI registry (XTest underneath); waits
    for the focus event it causes (a loaded machine may take a while), 5 s at most."""
    heard = len(focus_events)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
    deadline = time.time() + 5
    while len(focus_events) == heard and time.time() < deadline:
        pump(0.05)
    pump(0.15)  # the states settle with the event


if "--no-keyboard" in sys.argv:
    if failures:
        print("tree as read:")
        dump(tree)
    sys.exit(1 if failures else 0)

# Keyboard only. The app opened Main with the keyboard in the composer; from there
# Tab and Shift+Tab reach the sidebar, the messages, the composer and the members,
# arrows move within a list and Enter opens. Focus is read as a screen reader gets
# it: the focused accessible of the tree (its state), after each key.
start = focused()
check(start == ("text", "Message text"), "the composer has the keyboard at start: %s" % (start,))


def tab_to(match, what, key="Tab", limit=16):
    """Presses key until the focused accessible matches; the stops on the way."""
    stops = []
    for _ in range(limit):
        press(key)
        stop = focused()
        stops.append(stop)
        if stop and match(*stop):
            print("    %s stops: %s" % (key, stops))
            heard = focus_events[-1] if focus_events else None
            check(heard == stop, "a focus event announced %s: %s" % (what, heard))
            return stop
    check(False, "%s reaches %s (stops: %s)" % (key, what, stops))
    return None


def frame_name():
    for _, role, name, _ in walk(app):
        if role == "frame":
            return name
    return ""


def shot(name):
    """A screenshot to look at (the focus ring), in $TALKER_A11Y_SHOTS when set."""
    folder = os.environ.get("TALKER_A11Y_SHOTS")
    if folder:
        subprocess.run(["import", "-window", "root", os.path.join(folder, name)], check=False)


room = tab_to(lambda r, n: r == "list item" and n.startswith("Main"), "the sidebar rooms")
check(room is not None, "Tab reaches the sidebar rooms")
shot("e2e-a11y-focus-sidebar.png")
message = tab_to(lambda r, n: r == "list item" and " at " in n, "the message list")
check(message is not None, "Tab reaches the message list")
if message:
    press("Down")
    below = focused()
    check(below is not None and below[0] == "list item" and below != message,
          "Down moves to the next message: %s" % (below,))
    press("Up")
    check(focused() == message, "Up moves back: %s" % (focused(),))
    shot("e2e-a11y-focus-message.png")
composer = tab_to(lambda r, n: n == "Message text", "the composer")
check(composer is not None, "Tab reaches the composer")
members = tab_to(lambda r, n: r == "list item" and n.startswith("alice"), "the members")
check(members is not None, "Tab reaches the members")
if members:
    press("Down")
    moved = focused()
    press("Up")
    back = focused()
    check(members[0] == "list item" and moved is not None and moved[0] == "list item"
          and moved != members and back == members,
          "arrows move within the members: %s, %s, %s" % (members, moved, back))
    shot("e2e-a11y-focus-members.png")
# Shift+Tab walks back to the composer.
back = tab_to(lambda r, n: n == "Message text", "the composer backwards", key="ISO_Left_Tab")
check(back is not None, "Shift+Tab walks back to the composer")
# Enter on a sidebar entry opens it: bob's private chat, with the keyboard in its composer.
bob = tab_to(lambda r, n: r == "list item" and n.startswith("bob") and " at " not in n,
             "bob's private chat in the sidebar")
if bob:
    press("Return")
    deadline = time.time() + 5
    while time.time() < deadline and frame_name() != "bob — Talker":
        time.sleep(0.2)
    check(frame_name() == "bob — Talker", "Enter opens the chat: %s" % frame_name())
    check(focused() == ("text", "Message text"), "the opened chat's composer has the keyboard: %s"
          % (focused(),))
    shot("e2e-a11y-private-chat.png")

if failures:
    print("tree as read:")
    dump(tree)
    sys.exit(1)
