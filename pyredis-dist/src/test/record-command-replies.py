#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to the COMMAND subcommands, for
CommandMetadataRedisTest to compare pyredis's replies with, byte for byte.

    redis-server --port 7601 --save '' --daemonize yes
    pyredis-dist/src/test/record-command-replies.py 7601 \
        pyredis-dist/src/test/resources/command-replies-redis-7.0.15.tsv

One line per request: the request's arguments separated by spaces, then its RESP2 reply and
its RESP3 reply, tab-separated, with backslash, tab, CR and LF escaped as \\ \t \r \n.
Requests: COMMAND INFO and COMMAND DOCS of every command and subcommand; COMMAND LIST with
every ACL category filter, some patterns and a module filter; COMMAND COUNT;
COMMAND GETKEYS and GETKEYSANDFLAGS of calls made from each command's argument tree (its
required arguments, then with every optional one; keys named k1, k2, ...), of hand-made
calls for the commands whose keys move (numkeys, STORE, GET), and of malformed ones.
"""
import socket
import sys


def escape(b):
    out = []
    for c in b.decode("latin-1"):
        out.append({"\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n"}.get(c, c))
    return "".join(out)


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def send(self, args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode() if isinstance(a, str) else a
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.s.sendall(out)

    def _fill(self):
        d = self.s.recv(1 << 20)
        if not d:
            raise EOFError
        self.buf += d

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        i = self.buf.index(b"\r\n")
        line, self.buf = self.buf[:i], self.buf[i + 2:]
        return line

    def _take(self, n):
        while len(self.buf) < n:
            self._fill()
        b, self.buf = self.buf[:n], self.buf[n:]
        return b

    def reply(self):
        """One reply: (raw bytes, parsed value)."""
        raw = []
        value = self._read(raw)
        return b"".join(raw), value

    def _read(self, raw):
        line = self._line()
        raw.append(line + b"\r\n")
        t, rest = line[:1], line[1:]
        if t in (b"+", b"-", b":", b",", b"(", b"#"):
            return rest.decode()
        if t == b"_":
            return None
        if t in (b"$", b"=", b"!"):
            n = int(rest)
            if n < 0:
                return None
            body = self._take(n + 2)
            raw.append(body)
            return body[:-2].decode("latin-1")
        if t in (b"*", b"~", b">"):
            n = int(rest)
            if n < 0:
                return None
            return [self._read(raw) for _ in range(n)]
        if t == b"%":
            n = int(rest)
            d = {}
            for _ in range(n):
                k = self._read(raw)
                d[k] = self._read(raw)
            return d
        raise ValueError("unknown reply type %r" % line)

    def call(self, *args):
        self.send(list(args))
        return self.reply()


def fill(arg, full, keys):
    """Words for one argument of the docs tree; full: include the optional ones."""
    flags = arg.get("flags", [])
    if "optional" in flags and not full:
        return []
    t = arg["type"]
    if t == "pure-token":
        return [arg["token"]]
    times = 2 if "multiple" in flags else 1
    words = []
    for i in range(times):
        # A token comes once before multiple values, or before each with multiple_token.
        if arg.get("token") and (i == 0 or "multiple_token" in flags):
            words.append(arg["token"])
        if t == "key":
            keys[0] += 1
            words.append("k%d" % keys[0])
        elif t == "integer":
            words.append("2" if arg["name"] in ("numkeys", "count") else "1")
        elif t == "double":
            words.append("1.5")
        elif t == "unix-time":
            words.append("1700000000")
        elif t == "pattern":
            words.append("*")
        elif t == "string":
            words.append("v")
        elif t == "oneof":
            words += fill(arg["arguments"][0], full, keys)
        elif t == "block":
            for a in arg["arguments"]:
                words += fill(a, full, keys)
    return words


HAND_MADE = [
    "SET k v", "SET k v GET", "SET k v get EX 10", "SET k v NX",
    "SORT k", "SORT k STORE d", "SORT k BY w GET x STORE d", "SORT k store", "SORT_RO k BY w",
    "ZUNIONSTORE d 2 a b", "ZUNIONSTORE d 0 a", "ZUNIONSTORE d x a", "ZUNIONSTORE d 3 a b",
    "ZINTERSTORE d 2 a b WEIGHTS 1 2", "ZDIFFSTORE d 1 a", "ZUNION 2 a b", "ZINTER 1 a", "ZDIFF 2 a b",
    "ZINTERCARD 2 a b", "ZINTERCARD 2 a b LIMIT 1", "SINTERCARD 2 a b", "SINTERCARD 3 a b", "SINTERCARD x a",
    "LMPOP 2 a b LEFT", "LMPOP 1 a RIGHT COUNT 2", "LMPOP 0 a LEFT", "BLMPOP 0 2 a b LEFT", "BLMPOP 1 x a LEFT",
    "ZMPOP 2 a b MIN", "ZMPOP -1 a MIN", "BZMPOP 0 2 a b MAX", "BLPOP a b 0", "BRPOP a 0", "BZPOPMIN a b 0",
    "MSET a 1 b 2", "MSET a 1 b", "MSETNX a 1 b 2", "MGET a b c", "DEL a b c", "EXISTS a a", "TOUCH a b",
    "UNLINK a", "RENAME a b", "COPY a b DB 1", "MOVE a 1", "LMOVE a b LEFT RIGHT", "BLMOVE a b LEFT RIGHT 0",
    "RPOPLPUSH a b", "SMOVE a b m", "SINTERSTORE d a b", "SUNIONSTORE d a", "SDIFFSTORE d a b c",
    "ZRANGESTORE d s 0 -1", "GETEX k PERSIST", "GETDEL k", "LCS a b IDX", "WATCH a b", "DUMP k",
    "RESTORE k 0 payload REPLACE", "OBJECT ENCODING k", "OBJECT FREQ k", "OBJECT HELP", "SSUBSCRIBE a b",
    "SUNSUBSCRIBE a", "SPUBLISH ch msg", "PUBLISH ch msg", "GET", "GET a b", "NOSUCHCOMMAND a",
    "PING", "CONFIG GET maxmemory", "CLIENT LIST", "OBJECT NOSUCH k", "OBJECT", "EXPIRE k 10 NX",
    "SCAN 0 MATCH *", "KEYS *", "RANDOMKEY", "HSET h f v f2 v2", "HRANDFIELD h 2 WITHVALUES", "PFCOUNT a b",
]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    port, out = int(sys.argv[1]), sys.argv[2]
    c2 = Conn(port)
    c3 = Conn(port)
    c3.call("HELLO", "3")
    names = sorted(c2.call("COMMAND", "LIST")[1])
    docs = c3.call("COMMAND", "DOCS")[1]
    subdocs = {}
    for n, d in docs.items():
        for sn, sd in (d.get("subcommands") or {}).items():
            subdocs[sn] = sd
    requests = [["COMMAND", "COUNT"]]
    for n in names:
        requests.append(["COMMAND", "INFO", n])
        requests.append(["COMMAND", "DOCS", n])
    cats = c2.call("ACL", "CAT")[1]
    for cat in sorted(cats) + ["nosuchcategory"]:
        requests.append(["COMMAND", "LIST", "FILTERBY", "ACLCAT", cat])
    for p in ["z*", "*|*", "client*", "[gs]et", "nosuch"]:
        requests.append(["COMMAND", "LIST", "FILTERBY", "PATTERN", p])
    requests.append(["COMMAND", "LIST", "FILTERBY", "MODULE", "strings"])
    calls = set()
    for n in names:
        d = docs.get(n) or subdocs.get(n)
        if d is None or "subcommands" in d:
            continue
        words = n.upper().split("|")
        for full in (False, True):
            keys = [0]
            args = words[:]
            for a in d.get("arguments", []):
                args += fill(a, full, keys)
            calls.add(" ".join(args))
    for h in HAND_MADE:
        calls.add(h)
    for call in sorted(calls):
        requests.append(["COMMAND", "GETKEYS"] + call.split(" "))
        requests.append(["COMMAND", "GETKEYSANDFLAGS"] + call.split(" "))
    with open(out, "w") as f:
        f.write("#: redis-server 7.0.15 by pyredis-dist/src/test/record-command-replies.py: a COMMAND request,\n")
        f.write("#: then its RESP2 and its RESP3 reply (escaped: \\\\ \\t \\r \\n), tab-separated.\n")
        for r in requests:
            raw2 = c2.call(*r)[0]
            raw3 = c3.call(*r)[0]
            f.write("%s\t%s\t%s\n" % (" ".join(r), escape(raw2), escape(raw3)))
    print("%d requests" % len(requests))


if __name__ == "__main__":
    main()
