#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to CONFIG GET and CONFIG SET, for
ConfigRedisTest to compare pyredis's replies with.

    pyredis-server/src/test/record-config-replies.py \
        pyredis-server/src/test/resources/config-replies-redis-7.0.15.json

Starts Debian's redis-server on a free port in a temporary directory (no config file,
`--save ''`, as the test starts pyredis), then records:
  - "defaults": CONFIG GET * of the fresh server, as name -> value;
  - "cases": each request of CASES below, in order, with its raw RESP2 reply (the state
    carries from one request to the next, so the test replays them in the same order);
  - "after": CONFIG GET * once all cases ran.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

OUT = sys.argv[1] if len(sys.argv) > 1 else "config-replies-redis-7.0.15.json"


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
        value = self._read(raw)
        return b"".join(raw).decode("latin-1"), value

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

    def _read(self, raw):
        line = self._line()
        raw.append(line + b"\r\n")
        t, rest = line[:1], line[1:]
        if t in (b"+", b"-", b":"):
            return rest.decode()
        if t == b"$":
            n = int(rest)
            if n < 0:
                return None
            while len(self.buf) < n + 2:
                self._fill()
            body, self.buf = self.buf[:n + 2], self.buf[n + 2:]
            raw.append(body)
            return body[:-2].decode("latin-1")
        if t == b"*":
            return [self._read(raw) for _ in range(int(rest))]
        raise ValueError(line)


def S(*args):
    return ["CONFIG", "SET"] + list(args)


def G(*args):
    return ["CONFIG", "GET"] + list(args)


CASES = [
    # Memory values, units, the unsigned long long maxmemory.
    S("maxmemory", "1gb"), G("maxmemory"),
    S("maxmemory", "100mb"), G("maxmemory"),
    S("maxmemory", "1k"), G("maxmemory"),
    S("maxmemory", "1KB"), G("maxmemory"),
    S("maxmemory", "5B"), G("maxmemory"),
    S("maxmemory", ""), G("maxmemory"),
    S("maxmemory", "kb"), G("maxmemory"),
    S("maxmemory", "-1"), S("maxmemory", "1.5gb"), S("maxmemory", "1tb"), S("maxmemory", " 1"),
    S("maxmemory", "18446744073709551615"), G("maxmemory"),
    S("maxmemory", "0"),
    # Enums.
    S("maxmemory-policy", "allkeys-lru"), G("maxmemory-policy"),
    S("maxmemory-policy", "ALLKEYS-LFU"), G("maxmemory-policy"),
    S("maxmemory-policy", "foo"), S("maxmemory-policy", "allkeys-lru volatile-lru"),
    S("maxmemory-policy", "noeviction"),
    S("appendfsync", "sometimes"), S("loglevel", "verbose"), G("loglevel"), S("loglevel", "notice"),
    S("sanitize-dump-payload", "clients"), G("sanitize-dump-payload"), S("sanitize-dump-payload", "no"),
    S("acl-pubsub-default", "allchannels"), G("acl-pubsub-default"), S("acl-pubsub-default", "resetchannels"),
    S("oom-score-adj", "relative"), G("oom-score-adj"), S("oom-score-adj", "absolute"), G("oom-score-adj"),
    S("oom-score-adj", "foo"), S("oom-score-adj", "no"),
    S("shutdown-on-sigint", "nosave now"), G("shutdown-on-sigint"),
    S("shutdown-on-sigint", "now save"), G("shutdown-on-sigint"),
    S("shutdown-on-sigint", "save nosave"), S("shutdown-on-sigint", "bogus"), S("shutdown-on-sigint", ""),
    S("shutdown-on-sigint", "force  now"),
    S("shutdown-on-sigint", "default"), G("shutdown-on-sigint"),
    S("cluster-preferred-endpoint-type", "hostname"), S("cluster-preferred-endpoint-type", "ip"),
    S("tls-auth-clients", "optional"), G("tls-auth-clients"), S("tls-auth-clients", "yes"),
    # Percent or memory.
    S("maxmemory-clients", "10%"), G("maxmemory-clients"),
    S("maxmemory-clients", "100%"), S("maxmemory-clients", "101%"), S("maxmemory-clients", "200%"),
    S("maxmemory-clients", "-5%"), S("maxmemory-clients", "%"), S("maxmemory-clients", "abc"),
    S("maxmemory-clients", "-1"), S("maxmemory-clients", "1mb"), G("maxmemory-clients"),
    S("maxmemory-clients", "0%"), G("maxmemory-clients"), S("maxmemory-clients", "0"),
    # Encoding limits and their ziplist aliases.
    S("hash-max-ziplist-entries", "100"), G("hash-max-listpack-entries"), G("hash-max-ziplist-entries"),
    S("hash-max-listpack-value", "1kb"), G("hash-max-ziplist-value"), S("hash-max-listpack-value", "-1"),
    S("hash-max-ziplist-value", "x"),
    S("list-max-ziplist-size", "-1"), G("list-max-listpack-size"), S("list-max-ziplist-size", "-6"),
    S("list-max-ziplist-size", "abc"), S("list-max-ziplist-size", "2147483648"), S("list-max-ziplist-size", "01"),
    S("list-compress-depth", "1"), S("list-compress-depth", "-1"), G("list-compress-depth"),
    S("zset-max-ziplist-entries", "64"), G("zset-max-listpack-entries"), S("zset-max-ziplist-value", "32"),
    S("set-max-intset-entries", "-1"), S("set-max-intset-entries", "+5"), S("set-max-intset-entries", "1000"),
    S("set-max-listpack-entries", "1"), G("set-max-listpack-entries"), G("set-max-*"),
    S("hash-max-ziplist-entries", "1", "hash-max-listpack-entries", "2"), G("hash-max-listpack-entries"),
    S("hash-max-listpack-entries", "512", "hash-max-listpack-value", "64", "list-max-listpack-size", "-2",
      "list-compress-depth", "0", "zset-max-listpack-entries", "128", "zset-max-listpack-value", "64",
      "set-max-intset-entries", "512"),
    # Integers with ranges, the -1 special cases.
    S("slowlog-log-slower-than", "-1"), G("slowlog-log-slower-than"), S("slowlog-log-slower-than", "-2"),
    S("slowlog-log-slower-than", "10000"),
    S("slowlog-max-len", "-1"), S("slowlog-max-len", "1000"), G("slowlog-max-len"), S("slowlog-max-len", "128"),
    S("latency-monitor-threshold", "-1"), S("latency-monitor-threshold", "100"), S("latency-monitor-threshold", "0"),
    S("busy-reply-threshold", "100"), G("busy-reply-threshold", "lua-time-limit"),
    S("lua-time-limit", "200"), G("busy-reply-threshold"), S("lua-time-limit", "-1"), S("busy-reply-threshold", "5000"),
    S("lfu-log-factor", "-1"), S("lfu-decay-time", "x"), S("maxmemory-samples", "0"),
    S("maxmemory-eviction-tenacity", "101"), S("active-expire-effort", "11"),
    S("tracking-table-max-keys", "-1"), S("repl-backlog-size", "0"), S("proto-max-bulk-len", "1k"),
    S("client-query-buffer-limit", "1k"), S("stream-node-max-bytes", "1mb"), G("stream-node-max-bytes"),
    S("stream-node-max-bytes", "4096"),
    S("hz", "0"), G("hz"), S("hz", "501"), G("hz"), S("hz", "-1"), S("hz", "10"),
    S("maxclients", "0"), S("maxclients", "4294967296"), S("maxclients", "-1"),
    S("timeout", "1.5"), S("timeout", "9999999999"), S("tcp-keepalive", " 5"),
    S("port", "abc"), S("port", "70000"), S("port", "-1"),
    S("repl-backlog-ttl", "-1"), S("auto-aof-rewrite-min-size", "-1"),
    # Booleans.
    S("latency-tracking", "no"), G("latency-tracking"), S("latency-tracking", "YES"), G("latency-tracking"),
    S("latency-tracking", "maybe"), S("latency-tracking", "1"), S("lazyfree-lazy-user-flush", "true"),
    S("activedefrag", "yes"), S("activedefrag", "no"),
    # Special configs.
    S("latency-tracking-info-percentiles", "50 99"), G("latency-tracking-info-percentiles"),
    S("latency-tracking-info-percentiles", "99.99 0.5 100"), G("latency-tracking-info-percentiles"),
    S("latency-tracking-info-percentiles", ""), G("latency-tracking-info-percentiles"),
    S("latency-tracking-info-percentiles", "101"), S("latency-tracking-info-percentiles", "abc"),
    S("latency-tracking-info-percentiles", "50  99"), G("latency-tracking-info-percentiles"),
    S("latency-tracking-info-percentiles", "50 99 99.9"),
    S("save", "3600 1 300 100"), G("save"), S("save", "100"), S("save", "abc 1"), S("save", "0 1"),
    S("save", "3600  1"), S("save", "10 -1"), S("save", ""), G("save"),
    S("client-output-buffer-limit", "normal 1mb 2mb 3"), G("client-output-buffer-limit"),
    S("client-output-buffer-limit", "replica 1 2 3 pubsub 4 5 6"), G("client-output-buffer-limit"),
    S("client-output-buffer-limit", "slave 1gb 1k 0"), G("client-output-buffer-limit"),
    S("client-output-buffer-limit", "foo 1 2 3"), S("client-output-buffer-limit", "normal 1 2"),
    S("client-output-buffer-limit", "normal 1 2 -3"), S("client-output-buffer-limit", "normal x 2 3"),
    S("client-output-buffer-limit", "master 1 2 3"), S("client-output-buffer-limit", ""),
    S("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"),
    S("notify-keyspace-events", "KEA"), G("notify-keyspace-events"), S("notify-keyspace-events", "x"),
    S("notify-keyspace-events", "Kgx"), G("notify-keyspace-events"), S("notify-keyspace-events", ""),
    S("oom-score-adj-values", "1 2 3"), G("oom-score-adj-values"), S("oom-score-adj-values", "1 2"),
    S("oom-score-adj-values", "3000 1 1"), S("oom-score-adj-values", "a b c"), S("oom-score-adj-values", "0 200 800"),
    S("bind", " ".join(["127.0.0.%d" % i for i in range(1, 18)])),
    S("cluster-announce-hostname", "bad_host"), S("cluster-announce-hostname", "good-host.example"),
    G("cluster-announce-hostname"), S("cluster-announce-hostname", ""),
    S("proc-title-template", "{bogus}"), S("proc-title-template", ""), S("proc-title-template", "{title"),
    S("proc-title-template", "{title} {port}"), G("proc-title-template"),
    S("proc-title-template", "{title} {listen-addr} {server-mode}"),
    S("masterauth", "secret"), G("masterauth"), S("masterauth", ""), S("masteruser", "u"), S("masteruser", ""),
    # Immutable and protected.
    S("daemonize", "yes"), S("databases", "3"), S("unixsocketperm", "700"), S("replicaof", "no one"),
    S("slaveof", "127.0.0.1 6379"), S("enable-debug-command", "yes"), S("appendfilename", "x"),
    S("dbfilename", "x.rdb"), S("dir", "/nonexistent"), S("io-threads", "2"), S("tls-cluster", "maybe"),
    # Several pairs: all or nothing, the first problem reported.
    S("maxmemory", "10000002"), G("maxmemory"),
    S("maxmemory", "10000001", "maxmemory-clients", "200%", "client-query-buffer-limit", "invalid"),
    G("maxmemory", "maxmemory-clients", "client-query-buffer-limit"),
    S("maxmemory", "10000001", "maxmemory", "10000002"), S("maxmemory", "1", "MAXMEMORY", "2"),
    S("hz", "5", "foo", "1"), S("databases", "3", "foo", "1"), S("foo", "1", "databases", "3"),
    S("hz", "5", "databases", "3"), S("hz", "abc", "databases", "3"), S("hz", "abc", "timeout", "x"),
    S("timeout", "7", "hz", "x"), G("timeout", "hz"),
    S("maxmemory", "1", "hz", "5", "maxmemory"), S("maxmemory"),
    S("MAXMEMORY", "5", "Maxmemory-Policy", "allkeys-random"), G("MAXMEMORY", "maxmemory-policy"),
    S("maxmemory", "0", "maxmemory-policy", "noeviction", "timeout", "0", "hz", "10"),
    # GET: patterns, aliases, hidden configs, each name once.
    G("maxmemory*"), G("*ziplist*"), G("*max-*-entries"), G("slave*"), G("key-load-delay"), G("*delay*"),
    G("hz", "HZ"), G("replicaof", "slaveof"), G("nosuch"), G("Hash-Max-Ziplist-Entries"),
    G("maxmemory", "maxmemory*"), G("*maxmemory*", "maxmemory"), G("lua-time-limit", "busy-*"),
    G("[pq]ort"), G("tls-*-file"), G("rdb-key-save-delay", "watchdog-period", "use-exit-on-panic",
                                       "loading-process-events-interval-bytes"),
    ["CONFIG", "GET"], ["CONFIG", "SET", "hz"],
]


def main():
    port = free_port()
    work = tempfile.mkdtemp(prefix="record-config-")
    server = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--daemonize", "no"],
                              cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                c = Conn(port)
                break
            except OSError:
                time.sleep(0.05)
        version = c.call(["INFO", "server"])[1]
        assert "redis_version:7.0.15" in version, version

        def get_all():
            flat = c.call(G("*"))[1]
            return dict(sorted(zip(flat[0::2], flat[1::2])))

        out = {"recorded_port": port, "recorded_dir": work, "defaults": get_all(), "cases": []}
        for req in CASES:
            out["cases"].append({"request": req, "reply": c.call(req)[0]})
        out["after"] = get_all()
    finally:
        server.terminate()
        server.wait()
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
