#!/usr/bin/env python3
"""Replays a scenario (the first column of a .tsv, or a plain list of commands) against redis-server and records, per command, its reply and the
keyspace events it emitted (class letter:event:key[@db]), as a TSV for the pack tests."""
import socket, sys

def conn(port):
    s = socket.create_connection(("127.0.0.1", port))
    return s, s.makefile("rb")

def send(s, args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    s.sendall(out)

def read_raw(f):
    line = f.readline()
    t = line[:1]
    if t in b"+-:_,#(":
        return line
    if t in b"$=!":
        n = int(line[1:-2])
        if n < 0:
            return line
        return line + f.read(n + 2)
    if t in b"*~>%|":
        n = int(line[1:-2])
        if n < 0:
            return line
        if t in b"%|":
            n *= 2
        out = line
        for _ in range(n):
            out += read_raw(f)
        return out
    raise Exception("bad reply %r" % line)

def read_val(f):
    line = f.readline()
    t = line[:1]
    if t in b"+-:":
        return line[1:-2]
    if t == b"$":
        n = int(line[1:-2])
        if n < 0:
            return None
        return f.read(n + 2)[:-2]
    if t == b"*":
        return [read_val(f) for _ in range(int(line[1:-2]))]
    raise Exception("bad %r" % line)

def esc(b):
    return b.decode("latin-1").replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")

def parse_args(line):
    return [b"" if a == '""' else a.encode() for a in line.split(" ")]

def run(port, lines, flags):
    a, af = conn(port)
    b, bf = conn(port)
    for cmd in ([b"FLUSHALL"], [b"CONFIG", b"SET", b"notify-keyspace-events", flags.encode()]):
        send(a, cmd); read_raw(af)
    send(b, [b"PSUBSCRIBE", b"__keyevent@*__:*"]); read_val(bf)
    res = []
    for line in lines:
        if not line or line.startswith("#"):
            res.append(None); continue
        send(a, parse_args(line.lstrip("~").lstrip("!")))
        reply = read_raw(af)
        send(b, [b"PING"])
        evs = []
        while True:
            m = read_val(bf)
            if m[0] == b"pong":
                break
            assert m[0] == b"pmessage", m
            ch = m[2].decode()
            db = int(ch[len("__keyevent@"):ch.index("__:")])
            ev = ch[ch.index("__:") + 3:]
            evs.append((ev, m[3].decode("latin-1"), db))
        res.append((reply, evs))
    a.close(); b.close()
    return res

HEADER = "# Recorded from "

def main():
    port, scen, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    lines = [l.rstrip("\n").split("\t")[0] for l in open(scen) if not l.startswith((HEADER, "#  "))]
    full = run(port, lines, "Eg$lshzt")
    cls = {}
    for letter in "g$lshzt":
        for r in run(port, lines, "E" + letter):
            if r is None: continue
            for ev, key, db in r[1]:
                if cls.setdefault(ev, letter) != letter:
                    raise Exception("event %s in two classes" % ev)
    with open(out, "w", encoding="latin-1") as o:  # replies are bytes, escaped as latin-1
        o.write(HEADER + "redis-server 7.0.15 by pyredis-commands-strings/src/test/record-keyspace-events.py:\n")
        o.write("#  command, RESP2 reply, keyspace events in order as class:event:key (@db outside db 0).\n")
        o.write("#  !: setup, events not compared; ~: random reply, events compared only. Re-record with\n")
        o.write("#  record-keyspace-events.py PORT this.tsv this.tsv against redis-server --port PORT.\n")
        for line, r in zip(lines, full):
            if r is None:
                o.write(line + "\n"); continue
            reply, evs = r
            e = " ".join("%s:%s:%s%s" % (cls[ev], ev, key, "" if db == 0 else "@%d" % db) for ev, key, db in evs)
            o.write("%s\t%s\t%s\n" % (line, esc(reply), e))

main()
