#!/usr/bin/env python3
"""Soak test: many connections doing a mix of commands for a long time, with a slow
subscriber and a client that pipelines without reading, against a running server.

    bin/pyredis-server --port 7700 &          # or redis-server --port 7700, to compare
    bench/soak.py 7700                        # 5,000 connections, 10 minutes
    CONNS=500 SECONDS=60 bench/soak.py 7700   # a short run

Every 10 s it prints: elapsed time, the server's RSS (from /proc/<pid>/status, the pid taken
from INFO server's process_id, so run it on the server's machine), used_memory, connected
clients, requests done in the interval, and the p50/p99/max latency of those requests.
At the end it checks that nothing was lost: every counter INCRed by the workers holds the
number of INCRs that were answered, and every list holds what was pushed. It exits 1 if
anything was lost or a worker saw an error reply, so a CI-free nightly can run it.

Not run in `mvn verify` (a speed and soak measure, not a unit test). Python 3.8+, stdlib only.
"""
import asyncio
import os
import random
import sys
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 6379
CONNS = int(os.environ.get("CONNS", "5000"))
DURATION = float(os.environ.get("SECONDS", "600"))
HOST = "127.0.0.1"


def cmd(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


async def read_reply(r):
    line = await r.readline()
    if not line:
        raise ConnectionError("closed")
    t = line[:1]
    if t in b"+-:":
        return line
    if t == b"$":
        n = int(line[1:-2])
        if n >= 0:
            await r.readexactly(n + 2)
        return line
    if t == b"*":
        n = int(line[1:-2])
        for _ in range(max(n, 0)):
            await read_reply(r)
        return line
    raise ValueError("bad reply %r" % line)


class Stats:
    def __init__(self):
        self.lat = []
        self.errors = 0
        self.incrs = {}
        self.pushes = {}


async def worker(i, stats, stop):
    r, w = await asyncio.open_connection(HOST, PORT)
    rnd = random.Random(i)
    counter = "soak:counter:%d" % (i % 100)
    lst = "soak:list:%d" % i
    try:
        while not stop.is_set():
            op = rnd.random()
            if op < 0.4:
                req, kind = cmd("SET", "soak:key:%d" % rnd.randrange(100000), "v" * rnd.randrange(1, 200)), None
            elif op < 0.7:
                req, kind = cmd("GET", "soak:key:%d" % rnd.randrange(100000)), None
            elif op < 0.85:
                req, kind = cmd("INCR", counter), "incr"
            elif op < 0.95:
                req, kind = cmd("RPUSH", lst, "x"), "push"
            else:
                req, kind = cmd("PUBLISH", "soak:chan", "m" * 100), None
            t0 = time.perf_counter()
            w.write(req)
            await w.drain()
            reply = await read_reply(r)
            stats.lat.append(time.perf_counter() - t0)
            if reply.startswith(b"-"):
                stats.errors += 1
            elif kind == "incr":
                stats.incrs[counter] = stats.incrs.get(counter, 0) + 1
            elif kind == "push":
                stats.pushes[lst] = stats.pushes.get(lst, 0) + 1
            await asyncio.sleep(rnd.random() * 0.05)
    finally:
        w.close()


async def slow_subscriber(stop):
    """Subscribes and reads one message a second: the pubsub output limit governs it."""
    r, w = await asyncio.open_connection(HOST, PORT, limit=4096)
    w.write(cmd("SUBSCRIBE", "soak:chan"))
    await w.drain()
    try:
        while not stop.is_set():
            await asyncio.sleep(1)
            try:
                await asyncio.wait_for(r.read(100), 1)
            except (asyncio.TimeoutError, ConnectionError):
                pass
    finally:
        w.close()


async def non_reader(stop):
    """Pipelines GETs of a 100 KB value and never reads: the normal output limit governs it."""
    r, w = await asyncio.open_connection(HOST, PORT)
    w.write(cmd("SET", "soak:big", "b" * 100_000))
    batch = cmd("GET", "soak:big") * 100
    try:
        while not stop.is_set():
            w.write(batch)
            await asyncio.sleep(0.1)
    except ConnectionError:
        pass
    finally:
        w.close()


async def admin(r, w, *args):
    w.write(cmd(*args))
    await w.drain()
    line = await r.readline()
    if line.startswith(b"$"):
        n = int(line[1:-2])
        return (await r.readexactly(n + 2))[:-2].decode() if n >= 0 else None
    return line[1:-2].decode()


def rss_of(pid):
    try:
        with open("/proc/%s/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return -1
    return -1


def info_field(info, name):
    for line in info.split("\r\n"):
        if line.startswith(name + ":"):
            return line.split(":", 1)[1]
    return "?"


async def main():
    ar, aw = await asyncio.open_connection(HOST, PORT)
    await admin(ar, aw, "DEL", *(["soak:counter:%d" % i for i in range(100)] + ["soak:list:%d" % i for i in range(CONNS)]))
    pid = info_field(await admin(ar, aw, "INFO", "server"), "process_id")
    stats = Stats()
    stop = asyncio.Event()
    tasks = []
    for i in range(CONNS):
        tasks.append(asyncio.ensure_future(worker(i, stats, stop)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)  # do not trip the accept backlog
    tasks.append(asyncio.ensure_future(slow_subscriber(stop)))
    tasks.append(asyncio.ensure_future(non_reader(stop)))
    start = time.time()
    print("%6s %10s %12s %8s %9s %8s %8s %8s" % ("t(s)", "rss(MB)", "used_memory", "clients", "requests", "p50(ms)", "p99(ms)", "max(ms)"))
    while time.time() - start < DURATION:
        await asyncio.sleep(10)
        lat, stats.lat = sorted(stats.lat), []
        info = await admin(ar, aw, "INFO", "everything")
        def pct(p):
            return lat[min(len(lat) - 1, int(len(lat) * p))] * 1000 if lat else 0
        print("%6.0f %10.1f %12s %8s %9d %8.2f %8.2f %8.2f" % (
            time.time() - start, rss_of(pid) / 1048576, info_field(info, "used_memory"),
            info_field(info, "connected_clients"), len(lat), pct(0.5), pct(0.99), pct(1.0) if lat else 0), flush=True)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    lost = 0
    for k, n in stats.incrs.items():
        v = int(await admin(ar, aw, "GET", k) or 0)
        lost += max(0, n - v)
    for k, n in stats.pushes.items():
        v = int(await admin(ar, aw, "LLEN", k))
        lost += max(0, n - v)
    print("errors: %d, lost writes: %d" % (stats.errors, lost))
    sys.exit(1 if lost or stats.errors else 0)


if __name__ == "__main__":
    asyncio.run(main())
