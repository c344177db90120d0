#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ping latency in other rooms while another process holds the database lock (issue 11
item 5).

    python3 bench/hardening/locked_ping.py build/server/talker-server [busy-seconds]

Starts the server (default threads, `--db-busy-timeout` as given, default 5), joins
alice to room r0 and bob to rooms r1..r8, takes `BEGIN EXCLUSIVE` on the database from
this process, lets alice send one message and meanwhile pings every other room in turn.
Prints the ping round trips before and during the lock, and when alice's message was
answered (`Message not stored` expected after about the busy timeout).
"""
import json, os, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time

binary = sys.argv[1]
busy = sys.argv[2] if len(sys.argv) > 2 else "5"
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "t.db")


def add(name):
    out = subprocess.run([binary, "--database", db, "user", "add", name], capture_output=True,
                         text=True).stdout
    return out.strip().splitlines()[-1]


alice, bob = add("alice"), add("bob")
srv = subprocess.Popen([binary, "--database", db, "--listen", "127.0.0.1:0",
                        "--db-busy-timeout", busy],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(srv.stdout.readline().strip().rsplit(":", 1)[1])


class Client:
    def __init__(self, room, token):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.f = self.s.makefile("rb")
        self.s.sendall((json.dumps({"type": "connect", "room": room, "token": token}) +
                        "\n").encode())
        while self.next()["type"] != "users":
            pass

    def next(self):
        return json.loads(self.f.readline())

    def ping(self):
        t = time.perf_counter()
        self.s.sendall(b'{"type":"ping"}\n')
        while self.next()["type"] != "pong":
            pass
        return (time.perf_counter() - t) * 1000


sender = Client("r0", alice)
others = [Client("r%d" % i, bob) for i in range(1, 9)]
before = [c.ping() for _ in range(5) for c in others]

lock = sqlite3.connect(db, isolation_level=None, timeout=0)
lock.execute("BEGIN EXCLUSIVE")
answer = {}


def send():
    t = time.perf_counter()
    sender.s.sendall(b'{"type":"message","id":"locked-1","content":"while locked"}\n')
    while True:
        e = sender.next()
        if e["type"] in ("error", "message"):
            answer["event"] = e
            answer["seconds"] = time.perf_counter() - t
            return


th = threading.Thread(target=send)
th.start()
during = []
while th.is_alive():
    for c in others:
        during.append(c.ping())
    time.sleep(0.05)
th.join()
lock.execute("ROLLBACK")
lock.close()
srv.terminate()
srv.wait()


def show(name, xs):
    print(f"{name}: n={len(xs)} median_ms={statistics.median(xs):.1f} max_ms={max(xs):.1f}")


show("ping_before_lock", before)
show("ping_during_lock", during)
e = answer["event"]
print(f"sender_answer={e.get('message', e['type'])!r} after_s={answer['seconds']:.2f} "
      f"busy_timeout_s={busy}")
