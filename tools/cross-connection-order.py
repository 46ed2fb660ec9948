#!/usr/bin/env python3
"""How often a server serves two connections' commands out of the order they were sent.

One thread sends SET foo v<i> on connection A and, without waiting, GET foo on connection B,
then reads B's reply: a GET that does not see v<i> was served before the SET sent ahead of it.
Redis's own tests (unit/tracking) rely on this order. Run against pyredis and Debian's
redis-server on the same machine and compare:

    tools/cross-connection-order.py 6379 [rounds]
"""
import socket
import sys


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def command(*args):
    parts = [a.encode() for a in args]
    return b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)


def main():
    port = int(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    a, b = connect(port), connect(port)
    a.sendall(command("SET", "foo", "start"))
    late = 0
    for i in range(rounds):
        value = "v%d" % i
        a.sendall(command("SET", "foo", value))
        b.sendall(command("GET", "foo"))
        reply = b""
        while reply.count(b"\r\n") < 2:  # a bulk string: $<len>\r\n<value>\r\n
            reply += b.recv(100)
        if reply != b"$%d\r\n%s\r\n" % (len(value), value.encode()):
            late += 1
    print("GET served before the SET sent ahead of it: %d of %d" % (late, rounds))


if __name__ == "__main__":
    main()
