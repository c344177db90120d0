#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The invite flow of issue 13, driven as a user would: controls found through AT-SPI,
then real mouse clicks and key presses (XTest through the AT-SPI registry):

    invite_flow.py A_PID TALKER PROFILE_B SHOTS_DIR LOG_B

Profile A (already running, hosting its local room) makes a link with "Invite
someone…"; a second app with profile B opens that link, joins with one click; then
each writes and each must see the other's message.
"""
import os
import subprocess
import sys
import time

import pyatspi

A_PID = int(sys.argv[1])
TALKER, PROFILE_B, SHOTS, LOG_B = sys.argv[2:6]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


def give_up(what):
    check(False, what)
    sys.exit(1)


def find_app(pid, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


def walk(node, depth=0, out=None):
    """Every showing accessible under node, as (node, role, name)."""
    out = [] if out is None else out
    if node is None or depth > 40:
        return out
    try:
        if not node.getState().contains(pyatspi.STATE_SHOWING) and depth > 0:
            return out
        out.append((node, node.getRoleName(), node.name or ""))
        count = node.childCount
    except Exception:
        return out
    for i in range(count):
        try:
            walk(node.getChildAtIndex(i), depth + 1, out)
        except Exception:
            pass
    return out


def wait_node(app, match, what, timeout=30):
    """The first showing node for which match(role, name, node) holds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node, role, name in walk(app):
            try:
                if match(role, name, node):
                    return node
            except Exception:
                pass
        time.sleep(0.3)
    give_up(what)


def button(app, name):
    return wait_node(app, lambda r, n, _: r in ("push button", "button") and n == name,
                     "a button named %r" % name)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def click(node):
    """A real left click in the middle of node: raises and focuses its window."""
    ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2,
                                        pyatspi.MOUSE_B1C)
    time.sleep(0.5)


def type_and_send(app, text):
    composer = wait_node(app, lambda r, n, _: r in ("entry", "text") and n == "Message text",
                         "a composer")
    click(composer)
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.3)
    pyatspi.Registry.generateKeyboardEvent(0xFF0D, None, pyatspi.KEY_SYM)  # Return


def message_item(app, author, text, what):
    return wait_node(app, lambda r, n, _: r == "list item" and n.startswith(author + " at ")
                     and n.endswith(": " + text), what)


def shot(name):
    time.sleep(0.8)  # the frame after the last change
    path = os.path.join(SHOTS, name)
    subprocess.run(["import", "-window", "root", path], check=True)
    print("    screenshot", path, flush=True)


# Profile A: "Invite someone…" in the local room's header, or in its More menu when
# the window is too narrow for every button.
a = find_app(A_PID) or give_up("app A is on the AT-SPI bus")
header = wait_node(a, lambda r, n, _: r in ("push button", "button")
                   and n in ("Invite someone to this room", "More actions"), "a header button")
if header.name == "More actions":
    click(header)
    header = wait_node(a, lambda r, n, _: r == "menu item" and n == "Invite someone…",
                       "Invite someone… in the More menu")
click(header)
# Asked once whether to open the room to the local network: yes.
click(button(a, "Open to the network"))
field = wait_node(a, lambda r, n, node: n == "Invite link" and text_of(node).startswith("talker://"),
                  "the dialog shows an invite link")
link = text_of(field)
check("/Lobby?invite=" in link and "127.0.0.1" not in link,
      "the link names the room and a LAN address: " + link.split("?")[0])
click(button(a, "Copy"))
button(a, "Copied")
shot("e2e-invite-link.png")
click(button(a, "Close"))

# Profile B opens the link: "Join Lobby on HOST", the name prefilled, one click.
env = dict(os.environ, USER="carol")
with open(LOG_B, "w") as log:
    b_proc = subprocess.Popen([TALKER, "--profile", PROFILE_B, "-geometry", "630x780+645+0", link], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
b = find_app(b_proc.pid) or give_up("app B is on the AT-SPI bus")
host = link.split("//")[1].split(":")[0]
wait_node(b, lambda r, n, _: n == "Join Lobby on " + host, "B shows 'Join Lobby on %s'" % host)
name = wait_node(b, lambda r, n, _: n == "Your name" and r in ("entry", "text"), "a name field")
check(text_of(name) == "carol", "the name is prefilled from the system user: " + text_of(name))
shot("e2e-invite-join.png")
click(button(b, "Join"))
wait_node(b, lambda r, n, _: r == "frame" and n == "Lobby — Talker", "B opened Lobby after Join")

# Both directions.
type_and_send(b, "hello from carol")
message_item(a, "carol", "hello from carol", "A sees carol's message")
type_and_send(a, "welcome, carol")
message_item(b, "alice", "welcome, carol", "B sees alice's reply")
message_item(b, "carol", "hello from carol", "B shows its own message")
shot("e2e-invite-chat.png")

b_proc.terminate()
b_proc.wait(10)
sys.exit(1 if failures else 0)
