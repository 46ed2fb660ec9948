#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to a geo scenario, for GeoRepliesRedisTest to
compare pyredis's replies with, byte for byte, in RESP2 and in RESP3.

    redis-server --port 7602 --save '' --daemonize yes
    pyredis-commands-geo/src/test/record-geo-replies.py 7602 \\
        pyredis-commands-geo/src/test/resources/geo-redis-7.0.15.tsv
    redis-cli -p 7602 shutdown nosave

The scenario is generated here, from a fixed seed: cities (near the poles, both sides of the
antimeridian, the limits of the coordinates), clusters of equal points (ties in distance,
sorted fully and partially by COUNT), a few thousand random points in a skiplist-encoded key
and fifty in a listpack-encoded one, then random GEOSEARCH / GEORADIUS queries over them,
the STORE forms, errors and WRONGTYPE. It runs twice after FLUSHALL: once in RESP2, once in
RESP3 (HELLO 3). Output: "#proto N" then one line per command, the command (arguments
separated by single spaces) and its raw reply, tab-separated, with backslash, CR and LF
escaped as \\\\ \\r \\n.
"""
import random
import socket
import sys

CITIES = [
    ("Palermo", 13.361389, 38.115556), ("Catania", 15.087269, 37.502669),
    ("Rome", 12.4964, 41.9028), ("London", -0.1276, 51.5072), ("NewYork", -74.006, 40.7128),
    ("Tokyo", 139.6917, 35.6895), ("Sydney", 151.2093, -33.8688), ("Auckland", 174.7633, -36.8485),
    ("Suva", 178.4419, -18.1416), ("Apia", -171.7514, -13.8333), ("Taveuni", 179.99, -16.8),
    ("Rabi", -179.9, -16.5), ("Anadyr", 177.5089, 64.7337), ("Nome", -165.4064, 64.5011),
    ("Longyearbyen", 15.6356, 78.2232), ("Alert", -62.3481, 82.5018), ("McMurdo", 166.6863, -77.8419),
    ("NorthEdge", 0, 85.05112878), ("SouthEdge", 0, -85.05112878), ("NorthWest", -180, 85.05112878),
    ("SouthEast", 180, -85.05112878), ("AntiE", 180, 0), ("AntiW", -180, 0), ("Null", 0, 0),
    ("Quito", -78.4678, -0.1807), ("Reykjavik", -21.9426, 64.1466), ("CapeTown", 18.4241, -33.9249),
    ("Ushuaia", -68.303, -54.8019), ("Honolulu", -157.8583, 21.3069), ("Nuuk", -51.7216, 64.1814),
]


def escape(b):
    return b.decode("latin-1").replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.f = self.s.makefile("rb")

    def call(self, words):
        out = b"*%d\r\n" % len(words)
        for w in words:
            w = w.encode()
            out += b"$%d\r\n%s\r\n" % (len(w), w)
        self.s.sendall(out)
        return self.read()

    def read(self):
        line = self.f.readline()
        t = line[:1]
        if t in b"+-:_,#(":
            return line
        if t in b"$=!":
            n = int(line[1:-2])
            return line if n < 0 else line + self.f.read(n + 2)
        if t in b"*~>%|":
            n = int(line[1:-2])
            if n < 0:
                return line
            if t in b"%|":
                n *= 2
            return line + b"".join(self.read() for _ in range(n))
        raise ValueError("unknown reply %r" % line)


def num(x):
    return repr(float(x)) if isinstance(x, float) else str(x)


def scenario():
    rnd = random.Random(20240615)
    cmds = []
    add = cmds.append
    args = []
    for name, lon, lat in CITIES:
        args += [num(lon), num(lat), name]
    add("GEOADD cities " + " ".join(args))
    add("GEOADD cities 13.361389 38.115556 Palermo")
    add("GEOADD cities CH 13.361389 38.115556 Palermo 13.4 38.1 Palermo2")
    add("GEOADD cities CH 13.5 38.2 Palermo2")
    add("GEOADD cities NX 13.6 38.3 Palermo2 13.7 38.4 Palermo3")
    add("GEOADD cities XX CH 13.8 38.5 Palermo2 13.9 38.6 Palermo4")
    add("GEOADD cities XX NX 1 1 a")
    add("GEOADD cities nx xx 1 1 a")
    add("GEOADD cities ch xx foo 1 1 a")
    add("GEOADD cities 1 1")
    add("GEOADD cities 1 1 a 2")
    add("GEOADD cities NX CH")
    add("GEOADD nokey XX 1 1 a")
    add("EXISTS nokey")
    for bad in [("200", "10"), ("10", "86"), ("-180.0000001", "0"), ("0", "-85.05112879"), ("inf", "0"),
                ("0", "-inf"), ("foo", "1"), ("1", "bar"), ("1e400", "0"), ("-0.0000004", "90")]:
        add("GEOADD cities 1 1 ok %s %s bad" % bad)
    add("EXISTS ok")
    names = [c[0] for c in CITIES] + ["Palermo2", "Palermo3", "nothere"]
    add("GEOPOS cities " + " ".join(names))
    add("GEOHASH cities " + " ".join(names))
    add("GEOPOS nokey a b")
    add("GEOHASH nokey a b")
    add("GEOPOS cities")
    add("GEOHASH cities")
    for i in range(40):
        a, b = rnd.choice(names), rnd.choice(names)
        unit = rnd.choice(["", " m", " km", " ft", " mi", " KM", " Mi"])
        add("GEODIST cities %s %s%s" % (a, b, unit))
    add("GEODIST cities Palermo Catania yards")
    add("GEODIST cities Palermo Catania km extra")
    add("GEODIST nokey Palermo Catania")
    add("GEODIST nokey Palermo Catania yards")
    add("GEODIST cities Palermo Palermo")

    # Cities: every centre, radii from nothing to half the world.
    for name, lon, lat in CITIES:
        for km in [0, 1, 300, 2000, 6000, 12000, 20000]:
            opts = rnd.choice(["", " ASC", " DESC", " WITHDIST", " WITHDIST DESC", " WITHHASH ASC",
                               " WITHCOORD WITHDIST ASC", " COUNT 3", " COUNT 5 DESC WITHDIST",
                               " COUNT 2 ANY", " COUNT 4 ANY DESC WITHDIST"])
            add("GEORADIUSBYMEMBER cities %s %d km%s" % (name, km, opts))
            add("GEOSEARCH cities FROMLONLAT %s %s BYBOX %d %d km%s" % (num(lon), num(lat), km, km * 2 // 3, opts))
    add("GEORADIUS cities 180 0 500 km WITHDIST ASC")
    add("GEORADIUS cities -180 0 500 km WITHDIST ASC")
    add("GEORADIUS cities 179.9 -17 200 km WITHDIST WITHCOORD ASC")
    add("GEOSEARCH cities FROMLONLAT -179.95 -16.6 BYBOX 300 300 km WITHDIST ASC")
    add("GEOSEARCH cities FROMLONLAT 0 85 BYRADIUS 1000 km WITHDIST ASC")
    add("GEOSEARCH cities FROMLONLAT 0 -85.05 BYBOX 5000 400 km WITHDIST ASC")
    add("GEOSEARCH cities FROMLONLAT 0 84 BYRADIUS 5000 km WITHDIST ASC")
    add("GEOSEARCH cities FROMMEMBER NorthWest BYRADIUS 2000 km WITHDIST WITHCOORD")

    # Ties: equal points, sorted fully and by COUNT's partial sort.
    args = []
    for i in range(60):
        lon, lat = 2.35 + (i % 4) * 0.01, 48.85 + (i % 3) * 0.01
        args += [num(lon), num(lat), "tie%02d" % i]
    add("GEOADD ties " + " ".join(args))
    for opts in ["", " ASC", " DESC", " COUNT 1", " COUNT 7", " COUNT 8 DESC", " COUNT 13", " COUNT 41",
                 " COUNT 59 DESC", " COUNT 60", " COUNT 100", " COUNT 10 ANY", " COUNT 10 ANY ASC"]:
        add("GEORADIUS ties 2.36 48.86 10 km WITHDIST%s" % opts)
        add("GEOSEARCH ties FROMMEMBER tie05 BYBOX 5 5 km%s" % opts)

    # Random points: a skiplist and a listpack.
    for key, n in [("pts", 2500), ("small", 50)]:
        args = []
        for i in range(n):
            lon = rnd.uniform(-180, 180)
            lat = rnd.uniform(-85.05112878, 85.05112878)
            if i % 10 == 0:
                lat = rnd.uniform(70, 85.05112878) * rnd.choice([1, -1])
            if i % 10 == 1:
                lon = rnd.uniform(175, 180) * rnd.choice([1, -1])
            args += [num(lon), num(lat), "p%d" % i]
        add("GEOADD %s %s" % (key, " ".join(args)))
        add("OBJECT ENCODING %s" % key)
        for q in range(120 if key == "pts" else 40):
            lon = rnd.uniform(-180, 180)
            lat = rnd.uniform(-85.05112878, 85.05112878)
            if q % 5 == 0:
                lat = rnd.uniform(75, 85.05112878) * rnd.choice([1, -1])
            if q % 5 == 1:
                lon = rnd.choice([180, -180, 179.9999, -179.9999, rnd.uniform(178, 180)])
            km = 10 ** rnd.uniform(2 if key == "pts" else 3, 4.3)
            unit, scale = rnd.choice([("km", 1), ("m", 1000), ("mi", 1 / 1.60934), ("ft", 3280.84)])
            r = "%.3f" % (km * scale)
            opts = ""
            if rnd.random() < 0.5:
                opts += " WITHDIST"
            if rnd.random() < 0.2:
                opts += " WITHHASH"
            if rnd.random() < 0.2:
                opts += " WITHCOORD"
            opts += rnd.choice(["", " ASC", " DESC"])
            if key == "pts" and km > 500 or rnd.random() < 0.4:
                opts += " COUNT %d" % rnd.randint(1, 40) + rnd.choice(["", "", " ANY"])
            if rnd.random() < 0.5:
                add("GEOSEARCH %s FROMLONLAT %s %s BYRADIUS %s %s%s" % (key, num(lon), num(lat), r, unit, opts))
            else:
                h = "%.3f" % (km * scale * rnd.uniform(0.2, 2))
                add("GEOSEARCH %s FROMLONLAT %s %s BYBOX %s %s %s%s" % (key, num(lon), num(lat), r, h, unit, opts))
            if q % 4 == 0:
                m = "p%d" % rnd.randrange(n)
                add("GEORADIUSBYMEMBER_RO %s %s %s %s%s" % (key, m, r, unit, opts))
            if q % 4 == 1:
                add("GEORADIUS_RO %s %s %s %s %s%s" % (key, num(lon), num(lat), r, unit, opts))

    # The STORE forms.
    add("GEORADIUS cities 15 37 500 km STORE dst")
    add("ZRANGE dst 0 -1 WITHSCORES")
    add("GEORADIUS cities 15 37 500 km STOREDIST dst COUNT 2 DESC")
    add("ZRANGE dst 0 -1 WITHSCORES")
    add("GEORADIUSBYMEMBER cities Rome 2000 km STOREDIST dst ASC")
    add("ZRANGE dst 0 -1 WITHSCORES")
    add("GEORADIUSBYMEMBER cities Rome 2000 mi STORE dst STOREDIST dst2 COUNT 3")
    add("ZRANGE dst2 0 -1 WITHSCORES")
    add("EXISTS dst")
    add("GEOSEARCHSTORE dst cities FROMMEMBER Tokyo BYRADIUS 9000 km")
    add("ZRANGE dst 0 -1 WITHSCORES")
    add("GEOSEARCHSTORE dst cities FROMMEMBER Tokyo BYRADIUS 9000 km STOREDIST COUNT 3 DESC")
    add("ZRANGE dst 0 -1 WITHSCORES")
    add("GEOSEARCHSTORE dst cities FROMLONLAT 100 -5 BYBOX 10 10 km")
    add("EXISTS dst")
    add("GEOSEARCHSTORE cities2 cities FROMLONLAT 0 0 BYBOX 40000 40000 km COUNT 5 ANY")
    add("ZRANGE cities2 0 -1 WITHSCORES")
    add("GEOSEARCHSTORE cities cities FROMMEMBER Rome BYRADIUS 3000 km")
    add("ZRANGE cities 0 -1 WITHSCORES")
    add("GEOSEARCHSTORE cities2 nokey FROMMEMBER Rome BYRADIUS 3000 km")
    add("EXISTS cities2")
    add("GEORADIUS nokey 1 1 1 km STORE dst2")
    add("EXISTS dst2")
    add("GEORADIUSBYMEMBER nokey nomember abc km STORE dst2")
    add("GEORADIUSBYMEMBER nokey nomember abc km")
    add("GEORADIUSBYMEMBER nokey nomember 1 km ANY")

    # Errors, in Redis's order of checks.
    for c in [
        "GEORADIUS cities 1 1 1 km STORE", "GEORADIUS cities 1 1 1 km COUNT", "GEORADIUS cities 1 1 1 km COUNT 0",
        "GEORADIUS cities 1 1 1 km COUNT -1", "GEORADIUS cities 1 1 1 km COUNT x", "GEORADIUS cities 1 1 1 km ANY",
        "GEORADIUS cities 1 1 1 km ANY ASC COUNT 1", "GEORADIUS cities 1 1 -1 km", "GEORADIUS cities 1 1 x km",
        "GEORADIUS cities 1 1 1 yd", "GEORADIUS cities 1 91 1 km", "GEORADIUS cities x 1 1 km",
        "GEORADIUS cities 1 1 1 km STORE d WITHDIST", "GEORADIUS cities 1 1 1 km WITHCOORD STOREDIST d",
        "GEORADIUS cities 1 1 1 km FROMMEMBER Rome", "GEORADIUS_RO cities 1 1 1 km STORE d",
        "GEORADIUSBYMEMBER cities nothere 1 km", "GEORADIUSBYMEMBER cities nothere x km",
        "GEORADIUSBYMEMBER cities Rome x km", "GEORADIUSBYMEMBER cities Rome 1 yd",
        "GEORADIUSBYMEMBER_RO cities Rome 1 km STOREDIST d", "GEOSEARCH cities BYRADIUS 1 km WITHDIST WITHHASH",
        "GEOSEARCH cities FROMMEMBER Rome WITHDIST WITHHASH WITHCOORD", "geosearch cities FROMMEMBER Rome WITHDIST ASC ASC",
        "GEOSEARCH cities FROMLONLAT 1 1 FROMMEMBER Rome BYRADIUS 1 km",
        "GEOSEARCH cities FROMMEMBER Rome FROMLONLAT 1 1 BYRADIUS 1 km",
        "GEOSEARCH cities FROMMEMBER Rome FROMMEMBER London BYRADIUS 10 km",
        "GEOSEARCH cities FROMMEMBER nothere BYRADIUS 1 km", "GEOSEARCH nokey FROMMEMBER nothere BYRADIUS 1 km",
        "GEOSEARCH nokey FROMMEMBER nothere BYRADIUS x km", "GEOSEARCH nokey FROMMEMBER nothere ASC ASC ASC",
        "GEOSEARCH cities FROMMEMBER Rome BYRADIUS 1 km BYBOX 1 1 km",
        "GEOSEARCH cities FROMMEMBER Rome BYBOX 1 1 km BYRADIUS 1 km",
        "GEOSEARCH cities FROMMEMBER Rome BYBOX 1 -1 km", "GEOSEARCH cities FROMMEMBER Rome BYBOX x 1 km",
        "GEOSEARCH cities FROMMEMBER Rome BYBOX 1 x km", "GEOSEARCH cities FROMMEMBER Rome BYBOX 1 1 yd",
        "GEOSEARCH cities FROMMEMBER Rome BYBOX 1 1", "GEOSEARCH cities FROMLONLAT 1 BYRADIUS 1 km",
        "GEOSEARCH cities FROMLONLAT 1 100 BYRADIUS 1 km", "GEOSEARCH cities FROMMEMBER Rome BYRADIUS 1 km STOREDIST",
        "GEOSEARCH cities FROMMEMBER Rome BYRADIUS 1 km STORE d", "GEOSEARCH cities FROMMEMBER Rome BYRADIUS 1 km ANY",
        "GEOSEARCHSTORE d cities FROMMEMBER Rome BYRADIUS 1 km WITHDIST",
        "GEOSEARCHSTORE d cities FROMMEMBER Rome BYRADIUS 1 km STORE x",
        "GEOSEARCHSTORE d cities FROMMEMBER Rome BYRADIUS 1 km STOREDIST x",
        "geosearchstore d cities BYRADIUS 1 km ASC ASC", "GEOSEARCHSTORE d cities FROMLONLAT 0 0 ASC ASC",
        "GEOADD", "GEOPOS", "GEODIST cities a", "GEORADIUS cities 1 1 1",
    ]:
        add(c)

    # WRONGTYPE, before any argument is looked at.
    add("SET str x")
    for c in ["GEOADD str 1 1 a", "GEOADD str 1 100 a", "GEOPOS str a", "GEOHASH str a", "GEODIST str a b",
              "GEODIST str a b yd", "GEORADIUS str 1 1 1 km", "GEORADIUS str 1 100 1 km",
              "GEORADIUSBYMEMBER str a x km STORE d", "GEOSEARCH str FROMMEMBER a BYRADIUS 1 km",
              "GEOSEARCH str bad a b c d", "GEOSEARCHSTORE d str FROMLONLAT 1 1 BYBOX 1 1 km",
              "GEOSEARCHSTORE str cities FROMMEMBER Rome BYRADIUS 100 km", "TYPE str"]:
        add(c)
    # Scores no GEOADD made: any double decodes somewhere.
    add("ZADD odd -1 neg 0 zero 4503599627370496 big 1e300 huge 3.5 frac 9007199254740993 past53 -inf ninf inf pinf")
    add("GEOPOS odd neg zero big huge frac past53 ninf pinf")
    add("GEOHASH odd neg zero big huge frac past53 ninf pinf")
    add("GEODIST odd neg huge")
    add("GEOSEARCH odd FROMMEMBER zero BYRADIUS 100 km WITHHASH WITHCOORD WITHDIST")
    add("GEOSEARCH odd FROMLONLAT 0 0 BYBOX 40000 40000 km WITHHASH WITHDIST ASC")
    return cmds


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    port, out = int(sys.argv[1]), sys.argv[2]
    cmds = scenario()
    with open(out, "w", encoding="latin-1") as f:
        f.write("#: redis-server 7.0.15 by pyredis-commands-geo/src/test/record-geo-replies.py (see its docstring):\n")
        f.write("#: a command, then its raw reply (\\\\ \\r \\n escaped), tab-separated; each proto after FLUSHALL.\n")
        for proto in (2, 3):
            c = Conn(port)
            c.call(["FLUSHALL"])
            if proto == 3:
                c.call(["HELLO", "3"])
            f.write("#proto %d\n" % proto)
            for cmd in cmds:
                f.write("%s\t%s\n" % (cmd, escape(c.call(cmd.split(" ")))))
    print("%d commands" % len(cmds))


if __name__ == "__main__":
    main()
