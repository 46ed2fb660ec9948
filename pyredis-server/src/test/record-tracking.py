#!/usr/bin/env python3
"""Replays a client-tracking scenario against redis-server and records what every connection
received after each step, for TrackingTest.

    record-tracking.py PORT resources/io/pyredis/server/tracking-scenario.txt > resources/io/pyredis/server/tracking-scenario.tsv

A scenario line is "<connection letter> <command words...>" (a word $X is connection X's
CLIENT ID), or "sleep <ms>"; '#' starts a comment. Each output line is the step, then one
"<letter>=<bytes>" column per connection that received something, the bytes escaped (\\\\, \\r,
\\n, \\t), the id in a HELLO reply as $<letter>."""
import socket, sys, time

def escape(b):
    return b.decode("latin-1").replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")

def command(words):
    out = b"*%d\r\n" % len(words)
    for w in words:
        w = w.encode("latin-1")
        out += b"$%d\r\n%s\r\n" % (len(w), w)
    return out

def drain(s):
    s.setblocking(False)
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except BlockingIOError:
        pass
    return out

def main():
    port = int(sys.argv[1])
    conns, ids = {}, {}
    for line in open(sys.argv[2]):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if words[0] == "sleep":
            time.sleep(int(words[1]) / 1000.0)
            print(line)
            continue
        name = words[0]
        if name not in conns:
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(command(["CLIENT", "ID"]))
            time.sleep(0.05)
            ids[name] = drain(s)[1:-2].decode()
            conns[name] = s
        args = [ids[w[1:]] if w.startswith("$") and w[1:] in ids else w for w in words[1:]]
        conns[name].sendall(command(args))
        time.sleep(0.15)
        cols = [line]
        for n in sorted(conns):
            # HELLO's id differs from server to server: written as $<letter>.
            got = drain(conns[n]).replace(b"$2\r\nid\r\n:%s\r\n" % ids[n].encode(), b"$2\r\nid\r\n:$%s\r\n" % n.encode())
            if got:
                cols.append(n + "=" + escape(got))
        print("\t".join(cols))

main()
