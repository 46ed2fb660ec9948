#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to scripts, for EvalRepliesTest to compare
pyredis's replies with, byte for byte.

    redis-server --port 7602 --save '' --daemonize yes
    pyredis-commands-scripting/src/test/record-eval-replies.py 7602 \\
        pyredis-commands-scripting/src/test/resources/eval-requests.txt \\
        pyredis-commands-scripting/src/test/resources/eval-replies-redis-7.0.15.tsv

Input: one request a line, its arguments separated by " | " (\\n in an argument is a line
feed); "HELLO | 3" switches the connection to RESP3 as any request would; lines
starting with # are comments. Output: per request, the request line, a tab, and the reply
with backslash, tab, CR and LF escaped as \\\\ \\t \\r \\n. The server is flushed first
(FLUSHALL, SCRIPT FLUSH).
"""
import socket
import sys


def escape(b):
    return "".join({"\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n"}.get(c, c) for c in b.decode("latin-1"))


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
        out = line
        for _ in range(max(n, 0) * (2 if t in b"%|" else 1)):
            out += read_raw(f)
        return out
    raise Exception("bad reply %r" % line)


def send(s, args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    s.sendall(out)


def main():
    port, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    for c in ([b"FLUSHALL"], [b"SCRIPT", b"FLUSH"]):
        send(s, c)
        read_raw(f)
    with open(dst, "w") as o:
        o.write("# redis-server 7.0.15's replies, recorded by record-eval-replies.py from eval-requests.txt\n")
        for line in open(src):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            args = [a.replace("\\n", "\n").encode() for a in line.split(" | ")]
            send(s, args)
            o.write(line + "\t" + escape(read_raw(f)) + "\n")


main()
