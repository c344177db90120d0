#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Disk growth while one user floods 256 KiB messages for 10 s (issue 11 item 4).

    python3 bench/hardening/flood_disk.py build/server/talker-server [seconds]

The server runs with its default limits. The flooding client writes as fast as the
socket takes it and reconnects whenever the server closes it. Prints the growth of the
database files (main + WAL) and the number of messages stored.
"""
import json, os, socket, sqlite3, subprocess, sys, tempfile, threading, time

binary = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "t.db")
token = subprocess.run([binary, "--database", db, "user", "add", "alice"], capture_output=True,
                       text=True).stdout.strip().splitlines()[-1]
srv = subprocess.Popen([binary, "--database", db, "--listen", "127.0.0.1:0"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(srv.stdout.readline().strip().rsplit(":", 1)[1])


def size():
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


def drain(s):
    try:
        while s.recv(1 << 20):
            pass
    except OSError:
        pass


start = size()
line = (json.dumps({"type": "message", "content": "x" * (256 * 1024 - 100)}) + "\n").encode()
deadline = time.time() + seconds
while time.time() < deadline:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall((json.dumps({"type": "connect", "room": "r", "token": token}) + "\n").encode())
    threading.Thread(target=drain, args=(s,), daemon=True).start()
    s.settimeout(1)
    try:
        while time.time() < deadline:
            try:
                s.sendall(line)
            except socket.timeout:
                continue
    except OSError:
        pass
    s.close()
time.sleep(1)
grown = size() - start
srv.terminate()
srv.wait()
n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM events WHERE kind = 0").fetchone()[0]
print(f"seconds={seconds:g} disk_growth_MB={grown / 1e6:.1f} messages_stored={n}")
