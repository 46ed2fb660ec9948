#!/usr/bin/env python3
"""Replays a scenario (the first column of a .tsv) against a redis-server started with
--appendonly yes --appendfsync always, and records, per command, what Redis appended to its
AOF (appendonlydir/appendonly.aof.1.incr.aof): one column per command recorded.

Usage: record-propagation.py PORT AOF-DIR scenario.tsv out.tsv

SELECT, MULTI and EXEC in the AOF are dropped (the harness records per command, in the
command's database; the AOF writer adds SELECT and the MULTI/EXEC around several commands).
Integers within ~11 days of the clock are absolute times derived from the command's time:
they are written {now+N} / {now-N} with N the roundest value the timing allows. Active
expiry is turned off (DEBUG SET-ACTIVE-EXPIRE 0) so that only the commands write."""
import os, socket, sys, time

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
        return line if n < 0 else line + f.read(n + 2)
    if t in b"*~>%|":
        n = int(line[1:-2])
        if n < 0:
            return line
        out = line
        for _ in range(n * (2 if t in b"%|" else 1)):
            out += read_raw(f)
        return out
    raise Exception("bad reply %r" % line)

def parse_aof(data):
    cmds, i = [], 0
    while i < len(data):
        assert data[i:i+1] == b"*", data[i:]
        j = data.index(b"\r\n", i)
        n = int(data[i+1:j]); i = j + 2
        args = []
        for _ in range(n):
            j = data.index(b"\r\n", i)
            ln = int(data[i+1:j]); i = j + 2
            args.append(data[i:i+ln]); i += ln + 2
        cmds.append(args)
    return cmds

def roundest(lo, hi):
    best = lo
    for p in range(0, 13):
        step = 10 ** p
        c = -(-lo // step) * step
        if c <= hi:
            best = c
    return best

def delta(lo, hi, hints):
    for h in hints:
        if lo <= h <= hi:
            return h
    return roundest(lo, hi) if lo >= 0 else -roundest(-hi, -lo) if hi <= 0 else 0

def norm(arg, t0, t1, hints):
    s = arg.decode("latin-1")
    if s.lstrip("-").isdigit():
        v = int(s)
        if t0 - 10**9 <= v <= t1 + 10**9:
            d = delta(v - t1, v - t0, hints)
            return "{now}" if d == 0 else "{now%+d}" % d
    if s == "":
        return '""'
    return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace(" ", "\\s")

def parse_args(line):
    return [b"" if a == '""' else a.encode() for a in line.split(" ")]

HEADER = "#: "

def main():
    port, aofdir, scen, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    lines = [l.rstrip("\n").split("\t")[0] for l in open(scen) if not l.startswith(HEADER)]
    s = socket.create_connection(("127.0.0.1", port)); f = s.makefile("rb")
    for cmd in ([b"FLUSHALL"], [b"DEBUG", b"SET-ACTIVE-EXPIRE", b"0"], [b"CONFIG", b"SET", b"lazyfree-lazy-server-del", b"no"]):
        send(s, cmd); read_raw(f)
    path = os.path.join(aofdir, "appendonlydir", "appendonly.aof.1.incr.aof")
    pos = os.path.getsize(path)
    with open(out, "w") as o:
        o.write(HEADER + "redis-server 7.0.15 (appendonly yes, appendfsync always) by\n")
        o.write(HEADER + "pyredis-testkit/src/test/record-propagation.py: command, then what Redis appended to the\n")
        o.write(HEADER + "AOF for it, one tab-separated column per command ({now+N}: N ms after the command's time).\n")
        o.write(HEADER + "!: setup, not compared; ~: random form. Re-record: record-propagation.py PORT DIR this this\n")
        for line in lines:
            if not line or line.startswith("#"):
                o.write(line + "\n"); continue
            t0 = int(time.time() * 1000)
            send(s, parse_args(line.lstrip("~!")))
            read_raw(f)
            t1 = int(time.time() * 1000) + 1
            with open(path, "rb") as a:
                a.seek(pos); data = a.read()
            pos += len(data)
            hints = [int(a) * m for a in line.lstrip("~!").split(" ") if a.lstrip("-").isdigit() for m in (1, 1000)]
            cmds = [c for c in parse_aof(data) if c[0].upper() not in (b"SELECT", b"MULTI", b"EXEC")]
            o.write(line + "".join("\t" + " ".join(norm(x, t0, t1, hints) for x in c) for c in cmds) + "\n")
    s.close()

main()
