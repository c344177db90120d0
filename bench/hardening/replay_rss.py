#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Server RSS while clients replay 16 MB of history (issue 11 item 2).

    python3 bench/hardening/replay_rss.py build/server/talker-server [readers]

Stores 64 messages of 250 KiB in one room, then `readers` clients (default 1) connect
with history:500 at once and read everything. Prints the server's RSS before, its peak
(VmHWM) and whether every reader got all 64 messages and `users`.
"""
import json, os, socket, subprocess, sys, tempfile, time

binary = sys.argv[1]
readers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "t.db")
token = subprocess.run([binary, "--database", db, "user", "add", "alice"], capture_output=True,
                       text=True).stdout.strip().splitlines()[-1]
srv = subprocess.Popen([binary, "--database", db, "--listen", "127.0.0.1:0",
                        "--max-bytes-per-second", "0"] if "--max-bytes-per-second" in
                       subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
                       else [binary, "--database", db, "--listen", "127.0.0.1:0"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(srv.stdout.readline().strip().rsplit(":", 1)[1])


def status(key):
    for line in open(f"/proc/{srv.pid}/status"):
        if line.startswith(key):
            return int(line.split()[1]) // 1024
    return -1


def connect(history=None):
    s = socket.create_connection(("127.0.0.1", port))
    ev = {"type": "connect", "room": "r", "token": token}
    if history:
        ev["history"] = history
    s.sendall((json.dumps(ev) + "\n").encode())
    return s


def lines(s):
    buf = b""
    while True:
        data = s.recv(1 << 20)
        if not data:
            return
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield json.loads(line)


w = connect()
it = lines(w)
body = "x" * (250 * 1024 - 200)
for i in range(64):
    w.sendall((json.dumps({"type": "message", "content": f"{i} {body}"}) + "\n").encode())
    while next(it).get("type") != "message":
        pass
before = status("VmRSS")
socks = [connect(500) for _ in range(readers)]
ok = 0
for s in socks:
    n = 0
    for ev in lines(s):
        if ev.get("type") == "message":
            n += 1
        if ev.get("type") == "users":
            break
    ok += n == 64
    s.close()
peak = status("VmHWM")
print(f"readers={readers} rss_before_MB={before} peak_rss_MB={peak} complete_readers={ok}/{readers}")
srv.terminate()
srv.wait()
