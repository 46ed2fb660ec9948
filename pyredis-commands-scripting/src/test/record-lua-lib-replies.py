#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to the Lua library snippets (cjson, cmsgpack,
struct, bit), for LuaLibsRedisTest to compare LuaJ + LuaLibs with, byte for byte.

    redis-server --port 7602 --save '' --daemonize yes
    pyredis-commands-scripting/src/test/record-lua-lib-replies.py 7602 \
        pyredis-commands-scripting/src/test/resources/io/pyredis/commands/scripting/lib/lua-lib-snippets.lua \
        pyredis-commands-scripting/src/test/resources/io/pyredis/commands/scripting/lib/lua-lib-replies-redis-7.0.15.tsv

Each non-comment line of the snippets file is sent as EVAL <line> 0, in order, on one
connection (cjson's settings persist between scripts, so snippets that change one restore it). One output line per snippet: the script, a tab, its RESP2 reply with
backslash, tab, CR and LF escaped as \\ \t \r \n (other bytes as latin-1).
"""
import socket
import sys


def escape(b):
    return "".join({"\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n"}.get(c, c) for c in b.decode("latin-1"))


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def _fill(self):
        data = self.s.recv(65536)
        if not data:
            raise EOFError
        self.buf += data

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        i = self.buf.index(b"\r\n") + 2
        line, self.buf = self.buf[:i], self.buf[i:]
        return line

    def _exact(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def reply(self):
        line = self._line()
        t = line[:1]
        if t == b"$":
            n = int(line[1:-2])
            return line + (self._exact(n + 2) if n >= 0 else b"")
        if t == b"*":
            n = int(line[1:-2])
            return line + b"".join(self.reply() for _ in range(max(n, 0)))
        return line

    def call(self, *args):
        req = b"*%d\r\n" % len(args)
        for a in args:
            a = a if isinstance(a, bytes) else a.encode("latin-1")
            req += b"$%d\r\n%s\r\n" % (len(a), a)
        self.s.sendall(req)
        return self.reply()


def main():
    sys.setrecursionlimit(100000)
    port, snippets, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    c = Conn(port)
    with open(snippets, "rb") as f, open(out, "w", encoding="latin-1", newline="\n") as o:
        for raw in f.read().split(b"\n"):
            if not raw.strip() or raw.startswith(b"--"):
                continue
            o.write(escape(raw) + "\t" + escape(c.call(b"EVAL", raw, b"0")) + "\n")


if __name__ == "__main__":
    main()
