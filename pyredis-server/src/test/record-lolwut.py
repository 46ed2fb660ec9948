#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to LOLWUT, for LolwutTest to compare with.

    pyredis-server/src/test/record-lolwut.py \
        pyredis-server/src/test/resources/lolwut-redis-7.0.15.json

Starts Debian's redis-server on a free port (`--save ''`), then records, over RESP2 and
(after HELLO 3) over RESP3:
  - "exact": requests whose reply does not depend on rand() (no VERSION, versions other
    than 5 and 6, Schotter with at most two rows of squares, a skyline one row tall, bad
    integers), with their raw reply;
  - "shapes": requests whose drawing does, with what of it is fixed (see shape()).
"""
import json
import re
import socket
import subprocess
import sys
import time

OUT = sys.argv[1] if len(sys.argv) > 1 else "lolwut-redis-7.0.15.json"

EXACT = [
    ["LOLWUT"], ["lolwut"], ["LOLWUT", "5"], ["LOLWUT", "VERSION"], ["LOLWUT", "foo", "bar"],
    ["LOLWUT", "VERSION", "7"], ["LOLWUT", "VERSION", "4"], ["LOLWUT", "VERSION", "0"],
    ["LOLWUT", "VERSION", "-1"], ["LOLWUT", "VERSION", "-5", "1", "1", "1"], ["LOLWUT", "VERSION", "9"],
    ["LOLWUT", "VERSION", "59"], ["LOLWUT", "VERSION", "49"],
    ["LOLWUT", "VERSION", "abc"], ["LOLWUT", "VERSION", "5.0"], ["LOLWUT", "VERSION", " 5"],
    ["LOLWUT", "VERSION", "+5"], ["LOLWUT", "VERSION", "99999999999999999999"],
    ["LOLWUT", "VERSION", "5", "abc"], ["LOLWUT", "VERSION", "5", "10", "x"],
    ["LOLWUT", "VERSION", "5", "10", "2", "1.5"], ["LOLWUT", "VERSION", "6", "x"],
    ["LOLWUT", "VERSION", "6", "10", ""],
    ["LOLWUT", "VERSION", "5", "1", "1", "1"], ["LOLWUT", "VERSION", "5", "2", "1", "1"],
    ["LOLWUT", "VERSION", "5", "3", "2", "2"], ["LOLWUT", "VERSION", "5", "10", "3", "1"],
    ["LOLWUT", "VERSION", "5", "66", "8", "2"], ["LOLWUT", "VERSION", "5", "66", "8", "1"],
    ["LOLWUT", "VERSION", "5", "40", "5", "2"], ["LOLWUT", "VERSION", "5", "33", "7", "2"],
    ["LOLWUT", "VERSION", "5", "0", "0", "0"], ["LOLWUT", "VERSION", "5", "-5", "-5", "-5"],
    ["LOLWUT", "VERSION", "5", "66", "8", "-1"], ["LOLWUT", "VERSION", "5", "1", "200", "1"],
    ["LOLWUT", "VERSION", "5", "1000", "200", "2"], ["LOLWUT", "VERSION", "5", "1001", "201", "2"],
    ["LOLWUT", "VERSION", "5", "7", "3", "2", "extra", "args"],
    ["LOLWUT", "version", "5", "12", "4", "2"], ["LOLWUT", "VeRsIoN", "5", "12", "4", "2"],
    ["LOLWUT", "VERSION", "4294967301", "1", "1", "1"],
    ["LOLWUT", "VERSION", "6", "10", "1"], ["LOLWUT", "VERSION", "6", "1", "0"],
    ["LOLWUT", "VERSION", "6", "0", "-3"], ["LOLWUT", "VERSION", "6", "1000", "1"],
    ["LOLWUT", "VERSION", "6", "1001", "1", "extra"], ["LOLWUT", "VERSION", "4294967302", "5", "1"],
]

SHAPES = [
    ["LOLWUT", "VERSION", "5"], ["LOLWUT", "VERSION", "5", "10"], ["LOLWUT", "VERSION", "5", "80", "10"],
    ["LOLWUT", "VERSION", "5", "66", "8", "12"], ["LOLWUT", "VERSION", "5", "33", "3", "7"],
    ["LOLWUT", "VERSION", "5", "20", "4", "201"], ["LOLWUT", "VERSION", "5", "3", "1", "3"],
    ["LOLWUT", "VERSION", "6"], ["LOLWUT", "VERSION", "6", "40"], ["LOLWUT", "VERSION", "6", "30", "10"],
    ["LOLWUT", "VERSION", "6", "1", "2"], ["LOLWUT", "VERSION", "6", "5", "1001"],
    ["LOLWUT", "VERSION", "4294967302", "20", "3"],
]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def call(self, args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.s.sendall(out)
        raw = []
        self._read(raw)
        return b"".join(raw)

    def _fill(self):
        d = self.s.recv(1 << 20)
        if not d:
            raise EOFError
        self.buf += d

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        i = self.buf.index(b"\r\n")
        line, self.buf = self.buf[:i + 2], self.buf[i + 2:]
        return line

    def _bytes(self, n):
        while len(self.buf) < n:
            self._fill()
        b, self.buf = self.buf[:n], self.buf[n:]
        return b

    def _read(self, raw):
        line = self._line()
        raw.append(line)
        t, rest = line[:1], line[1:-2]
        if t in (b"$", b"=", b"!"):
            n = int(rest)
            if n >= 0:
                raw.append(self._bytes(n + 2))
        elif t in (b"*", b"~", b">", b"%", b"|"):
            n = int(rest) * (2 if t in (b"%", b"|") else 1)
            for _ in range(n):
                self._read(raw)


CELL = re.compile("\x1b\\[([0-9;]+m) \x1b\\[0m")


def shape(raw):
    """What of a drawing does not depend on rand(): the RESP type, the width of each line
    (braille characters for version 5, cells for version 6, plain characters for the
    text), the codes of the cells (version 6) and the lines of text closing it."""
    head, body = raw.split(b"\r\n", 1)
    text = body[:-2]
    if raw[:1] == b"=":
        assert text[:4] == b"txt:"
        text = text[4:]
    lines = text.decode("utf-8").split("\n")
    skyline = "\x1b" in text.decode("utf-8")
    text_lines = 3 if skyline else 2
    widths, cells = [], set()
    for line in lines[:-text_lines]:
        if skyline:
            found = CELL.findall(line)
            assert CELL.sub("", line) == "", line
            cells.update(found)
            widths.append(len(found))
        else:
            widths.append(len(line))
    return {"type": raw[:1].decode(), "widths": widths, "cells": sorted(cells), "last": lines[-text_lines:]}


def main():
    port = free_port()
    p = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--daemonize", "no",
                          "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.05)
        out = {"version": None, "exact": [], "shapes": []}
        for proto in (2, 3):
            c = Conn(port)
            if proto == 3:
                c.call(["HELLO", "3"])
            for req in EXACT:
                out["exact"].append({"protocol": proto, "request": req,
                                     "reply": c.call(req).decode("latin-1")})
            for req in SHAPES:
                out["shapes"].append({"protocol": proto, "request": req, "shape": shape(c.call(req))})
        out["version"] = Conn(port).call(["INFO", "server"]).decode().split("redis_version:")[1].split("\r\n")[0]
        with open(OUT, "w") as f:
            json.dump(out, f, indent=1, ensure_ascii=False)
            f.write("\n")
    finally:
        p.terminate()
        p.wait()


main()
