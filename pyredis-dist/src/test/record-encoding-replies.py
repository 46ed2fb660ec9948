#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to the requests of encodings-and-debug.txt
(OBJECT ENCODING through every threshold and conversion, DEBUG DIGEST / DIGEST-VALUE of
the same data, DEBUG subcommands), for EncodingsAndDebugRedisTest to compare pyredis's
replies with, byte for byte.

    redis-server --port 7602 --save '' --daemonize yes --enable-debug-command yes --dir /tmp
    pyredis-dist/src/test/record-encoding-replies.py 7602 \\
        pyredis-dist/src/test/resources/encodings-and-debug.txt \\
        pyredis-dist/src/test/resources/encoding-replies-redis-7.0.15.tsv

One line per request, in order: the request line as written in the requests file, then
the reply, escaped as record-command-replies.py does (\\\\ \\t \\r \\n), tab-separated.
"""
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("rcr", os.path.join(here, "record-command-replies.py"))
rcr = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rcr)


class Conn(rcr.Conn):
    """record-command-replies.py's client, also reading RESP3 attributes (DEBUG PROTOCOL attrib)."""

    def _read(self, raw):
        if self.buf.startswith(b"|") or (not self.buf and self._peek() == b"|"):
            n = int(self._line()[1:])
            raw.append(b"|%d\r\n" % n)
            for _ in range(2 * n):
                super()._read(raw)
        return super()._read(raw)

    def _peek(self):
        self._fill()
        return self.buf[:1]


def words(line, conn):
    """The request's arguments: x*N is N times x, \\dump:KEY the DUMP payload of KEY, \\hex:HEX the bytes HEX."""
    out = []
    for w in line.split(" "):
        if w.startswith("\\hex:"):
            out.append(bytes.fromhex(w[len("\\hex:"):]))
        elif w.startswith("\\dump:"):
            out.append(conn.call("DUMP", w[len("\\dump:"):])[1].encode("latin-1"))
        elif "*" in w and w.rsplit("*", 1)[1].isdigit():
            s, n = w.rsplit("*", 1)
            out.append(s * int(n))
        elif w == '""':
            out.append("")
        else:
            out.append(w)
    return out


def record(port, requests, out, header):
    """Replays the requests file against the server on port, writes out with the two header lines."""
    conn = Conn(port)
    lines = []
    with open(requests) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            req = line.lstrip("!~%")
            raw, _ = conn.call(*words(req, conn))
            if raw.startswith(b">"):
                # Push data comes before the reply (DEBUG PROTOCOL push): record both.
                raw += conn.reply()[0]
            lines.append(line + "\t" + rcr.escape(raw))
    with open(out, "w", encoding="latin-1") as f:
        for h in header:
            f.write("#: " + h + "\n")
        for l in lines:
            f.write(l + "\n")


def main():
    record(int(sys.argv[1]), sys.argv[2], sys.argv[3],
           ["redis-server 7.0.15 by pyredis-dist/src/test/record-encoding-replies.py: a request of",
            "encodings-and-debug.txt, then the reply (escaped: \\\\ \\t \\r \\n), tab-separated."])


if __name__ == "__main__":
    main()
