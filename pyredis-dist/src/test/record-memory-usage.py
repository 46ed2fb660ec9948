#!/usr/bin/env python3
"""Records what redis-server 7.0.15 answers to MEMORY USAGE for values of every type and
encoding, for MemoryDistTest to check pyredis's figures against (within a band: pyredis
estimates what Redis's allocator would take, it does not have Redis's allocator).

    redis-server --port 7602 --save '' --daemonize yes
    pyredis-dist/src/test/record-memory-usage.py 7602 \
        pyredis-dist/src/test/resources/memory-usage-redis-7.0.15.tsv

The commands building each value are in SETUP below; MemoryDistTest sends the same ones.
One line per key: the key, the command that built it (in the %-notation of expand()),
MEMORY USAGE key, MEMORY USAGE key SAMPLES 0, tab-separated; MemoryDistTest expands and
sends the same commands.
"""
import socket
import sys

# key, then the command that builds it.
SETUP_TEXT = """\
str-int\tSET str-int 12345
str-embstr\tSET str-embstr hello-world
str-raw\tSET str-raw %x200
list-small\tRPUSH list-small a b c d e f g h
list-big\tRPUSH list-big %seq2000:element-
set-intset\tSADD set-intset %seq100:
set-listpack\tSADD set-listpack %seq50:m-
set-hashtable\tSADD set-hashtable %seq2000:member-
hash-listpack\tHSET hash-listpack %pairs20:field-:value-
hash-hashtable\tHSET hash-hashtable %pairs2000:field-:value-
zset-listpack\tZADD zset-listpack %zpairs50:m-
zset-skiplist\tZADD zset-skiplist %zpairs2000:member-
"""


def expand(line):
    out = []
    for w in line.split(" "):
        if w.startswith("%x"):
            out.append("x" * int(w[2:]))
        elif w.startswith("%seq"):
            n, _, prefix = w[4:].partition(":")
            out.extend(prefix + str(i) for i in range(int(n)))
        elif w.startswith("%pairs"):
            n, _, rest = w[6:].partition(":")
            f, _, v = rest.partition(":")
            for i in range(int(n)):
                out += [f + str(i), v + str(i)]
        elif w.startswith("%zpairs"):
            n, _, prefix = w[7:].partition(":")
            for i in range(int(n)):
                out += [str(i), prefix + str(i)]
        else:
            out.append(w)
    return out


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.f = self.s.makefile("rb")

    def call(self, *args):
        b = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode()
            b += b"$%d\r\n%s\r\n" % (len(a), a)
        self.s.sendall(b)
        return self.read()

    def read(self):
        line = self.f.readline()
        t, rest = line[:1], line[1:-2]
        if t in (b"+", b":"):
            return rest.decode()
        if t == b"-":
            raise RuntimeError(rest.decode())
        if t == b"$":
            n = int(rest)
            return None if n < 0 else self.f.read(n + 2)[:-2].decode()
        raise RuntimeError("unexpected reply " + repr(line))


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    c = Conn(port)
    c.call("FLUSHALL")
    rows = []
    for line in SETUP_TEXT.splitlines():
        key, cmd = line.split("\t")
        c.call(*expand(cmd))
        rows.append((key, cmd, c.call("MEMORY", "USAGE", key), c.call("MEMORY", "USAGE", key, "SAMPLES", "0")))
    with open(out, "w") as fh:
        fh.write("# key\tcommand\tMEMORY USAGE\tMEMORY USAGE SAMPLES 0 (redis-server 7.0.15)\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
