#!/usr/bin/env bash
# GEOADD and GEOSEARCH under redis-benchmark, pyredis beside Debian's redis-server.
#
#   bench/geo-benchmark.sh                  # ROUNDS=5 rounds, N=200000 GEOADDs, S=20000 searches
#   ROUNDS=3 PIPELINE=16 bench/geo-benchmark.sh
#
# Both servers are started here (persistence off) and get the same 100,000 random points
# (seeded) in key "pts". Each round runs, against one server then the other:
#   GEOADD bench 1.<rand> 2.<rand> m:<rand>   (random members and coordinates, -r 100000)
#   GEOSEARCH pts FROMLONLAT 15 37 BYRADIUS 500 km WITHDIST ASC   (113 of the 100k points)
# and prints each server's requests per second; at the end the median of each and the ratio
# pyredis / redis. pyredis is warmed up first so the JIT has compiled the hot path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-5}"
N="${N:-200000}"
S="${S:-20000}"
CLIENTS="${CLIENTS:-50}"
PIPELINE="${PIPELINE:-1}"
REDIS_PORT="${REDIS_PORT:-7621}"
PYREDIS_PORT="${PYREDIS_PORT:-7622}"

for tool in redis-server redis-benchmark redis-cli java python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

redis-server --port "$REDIS_PORT" --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)
"$root/bin/pyredis-server" --port "$PYREDIS_PORT" --dir "$work" >"$work/pyredis.log" 2>&1 &
pids+=($!)
for port in "$REDIS_PORT" "$PYREDIS_PORT"; do
  for _ in $(seq 100); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
done

python3 - "$work/load.txt" <<'EOF'
import random, sys
r = random.Random(7)
with open(sys.argv[1], "w") as f:
    for b in range(100):
        args = []
        for i in range(1000):
            args += ["%.6f" % r.uniform(-180, 180), "%.6f" % r.uniform(-85, 85), "pt:%d" % (b * 1000 + i)]
        f.write("GEOADD pts " + " ".join(args) + "\n")
EOF
for port in "$REDIS_PORT" "$PYREDIS_PORT"; do
  redis-cli -p "$port" < "$work/load.txt" >/dev/null
done

rps() { # port n args...: requests per second of one redis-benchmark run
  redis-benchmark -p "$1" -n "$2" -r 100000 -c "$CLIENTS" -P "$PIPELINE" -q "${@:3}" 2>/dev/null |
    tr '\r' '\n' | grep "requests per second" | tail -1 | sed 's/.*: \([0-9.]*\) requests.*/\1/'
}
add=(GEOADD bench 1.__rand_int__ 2.__rand_int__ m:__rand_int__)
search=(GEOSEARCH pts FROMLONLAT 15 37 BYRADIUS 500 km WITHDIST ASC)

rps "$PYREDIS_PORT" "$N" "${add[@]}" >/dev/null
rps "$PYREDIS_PORT" "$S" "${search[@]}" >/dev/null

: >"$work/results"
for round in $(seq "$ROUNDS"); do
  for server in redis pyredis; do
    port=$REDIS_PORT
    [[ $server == pyredis ]] && port=$PYREDIS_PORT
    a=$(rps "$port" "$N" "${add[@]}")
    s=$(rps "$port" "$S" "${search[@]}")
    echo "round $round $server: GEOADD $a GEOSEARCH $s"
    echo "$server geoadd $a" >>"$work/results"
    echo "$server geosearch $s" >>"$work/results"
  done
done

median() { grep "^$1 $2 " "$work/results" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for test in geoadd geosearch; do
  r=$(median redis $test)
  p=$(median pyredis $test)
  awk -v t="$test" -v r="$r" -v p="$p" 'BEGIN {printf "%-10s redis %10.0f  pyredis %10.0f  ratio %.2f\n", t, r, p, p / r}'
done
