#!/usr/bin/env bash
# Bitmaps: pyredis beside Debian's redis-server, as bench/redis-benchmark.sh does for SET/GET.
#
#   bench/bitmaps-benchmark.sh              # N=2000000 random SETBITs, 20000 BITCOUNTs of 1 MB
#
# Random SETBIT: redis-benchmark's __rand_int__ is zero-padded to 12 digits, which SETBIT refuses
# as an offset (string2ll: no leading zeros) on both servers, and redis-benchmark stops at the
# first error; so the N commands (offsets below 8,000,000: a 1 MB string) are written once to a
# file and timed through redis-cli --pipe (pipelined as deep as the socket allows).
# SETBIT at one fixed offset through redis-benchmark -c 50 (no pipelining).
# BITCOUNT: redis-benchmark on a key holding 1 MB of random bytes, -c 50, then -c 50 -P 16.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${N:-2000000}"
REDIS_PORT="${REDIS_PORT:-7611}"
PYREDIS_PORT="${PYREDIS_PORT:-7612}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

[[ -d "$root/pyredis-dist/target/modules" ]] || { echo "bench: package first (mvn -o -DskipTests package -pl pyredis-dist -am)" >&2; exit 1; }
mkdir -p "$work/redis" "$work/pyredis"
(cd "$work/redis" && exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --logfile "$work/redis.log") &
pids+=($!)
(cd "$work/pyredis" && exec "$root/bin/pyredis-server" --port "$PYREDIS_PORT" --save '' --dir "$work/pyredis" >"$work/pyredis.log" 2>&1) &
pids+=($!)
for port in "$REDIS_PORT" "$PYREDIS_PORT"; do
  for _ in $(seq 1 300); do redis-cli -p "$port" PING 2>/dev/null | grep -q PONG && break; sleep 0.1; done
done

python3 - "$work" "$N" <<'PY'
import os, random, sys
work, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
with open(os.path.join(work, "setbit.resp"), "wb") as f:
    for _ in range(n):
        o = str(random.randrange(8000000)).encode()
        f.write(b"*4\r\n$6\r\nSETBIT\r\n$4\r\nbits\r\n$%d\r\n%s\r\n$1\r\n1\r\n" % (len(o), o))
with open(os.path.join(work, "mb.resp"), "wb") as f:
    v = os.urandom(1 << 20)
    f.write(b"*3\r\n$3\r\nSET\r\n$2\r\nmb\r\n$%d\r\n%s\r\n" % (len(v), v))
PY

pipe_rps() { # port
  local s e
  redis-cli -p "$1" DEL bits >/dev/null
  s=$(date +%s%N)
  redis-cli -p "$1" --pipe <"$work/setbit.resp" >/dev/null
  e=$(date +%s%N)
  echo $((N * 1000000000 / (e - s)))
}
bench_rps() { # port args...
  local port="$1"; shift
  redis-benchmark -h 127.0.0.1 -p "$port" -q "$@" </dev/null 2>/dev/null | tr '\r' '\n' \
    | grep -E "requests per second" | tail -1 | awk '{print $(NF-5)}'
}
ratio() { awk -v p="${1:-0}" -v r="${2:-0}" 'BEGIN { if (r > 0) printf "%.2f", p / r; else print "-" }'; }

pipe_rps "$PYREDIS_PORT" >/dev/null # JIT warm-up
printf '%-34s %12s %12s %6s\n' "test" "redis" "pyredis" "ratio"
for round in 1 2 3; do
  r=$(pipe_rps "$REDIS_PORT"); p=$(pipe_rps "$PYREDIS_PORT")
  printf '%-34s %12s %12s %6s\n' "SETBIT bits <rand 8M> 1 (pipe) #$round" "$r" "$p" "$(ratio "$p" "$r")"
done
# One fixed offset, so that redis-benchmark can send it: SETBIT without pipelining.
# shellcheck disable=SC2016
r=$(bench_rps "$REDIS_PORT" -n 200000 -c 50 SETBIT bits 4000000 1); p=$(bench_rps "$PYREDIS_PORT" -n 200000 -c 50 SETBIT bits 4000000 1)
printf '%-34s %12s %12s %6s\n' "SETBIT bits 4000000 1 -c 50" "$r" "$p" "$(ratio "$p" "$r")"
for port in "$REDIS_PORT" "$PYREDIS_PORT"; do redis-cli -p "$port" --pipe <"$work/mb.resp" >/dev/null; done
bench_rps "$PYREDIS_PORT" -n 20000 -c 50 BITCOUNT mb >/dev/null # warm-up
for mode in "-c 50" "-c 50 -P 16"; do
  # shellcheck disable=SC2086
  r=$(bench_rps "$REDIS_PORT" -n 20000 $mode BITCOUNT mb); p=$(bench_rps "$PYREDIS_PORT" -n 20000 $mode BITCOUNT mb)
  printf '%-34s %12s %12s %6s\n' "BITCOUNT mb (1 MB) $mode" "$r" "$p" "$(ratio "$p" "$r")"
done
