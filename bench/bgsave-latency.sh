#!/usr/bin/env bash
# What a background save costs clients: GET/SET latency (p50/p99/max) and pyredis's heap,
# with no save running and with BGSAVE of the whole dataset running back to back, for
# pyredis and, side by side, Debian's redis-server (which forks).
#
#   bench/bgsave-latency.sh                 # KEYS=1000000 keys, N=1000000 requests per test
#   KEYS=200000 N=300000 bench/bgsave-latency.sh
#
# Each server gets KEYS string keys (key:%012d, as redis-benchmark -r names them; 32-byte
# values), then redis-benchmark runs SET and GET over those keys with 50 clients, first
# quietly, then while a loop starts a BGSAVE whenever none is running. pyredis's heap is
# sampled with jstat every 100 ms (young + old used, MB); "peak" is the largest sample, and
# the old generation's peak is what survived young collections (the retained memory).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="${KEYS:-1000000}"
N="${N:-1000000}"
REDIS_PORT="${REDIS_PORT:-7611}"
PYREDIS_PORT="${PYREDIS_PORT:-7612}"
SERVERS="${SERVERS:-pyredis redis}"

for tool in redis-server redis-benchmark redis-cli java jstat awk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

wait_for_port() { # port
  for _ in $(seq 1 300); do
    if redis-cli -p "$1" PING 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  echo "bench: nothing answers PING on port $1" >&2
  exit 1
}

info_field() { # port field
  redis-cli -p "$1" INFO persistence | tr -d '\r' | awk -F: -v f="$2" '$1 == f { print $2 }'
}

if [[ ! -d "$root/pyredis-dist/target/modules" ]]; then
  echo "bench: building pyredis (mvn -q -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
fi

fill() { # port
  awk -v n="$KEYS" 'BEGIN {
    for (i = 0; i < n; i++) {
      k = sprintf("key:%012d", i); v = sprintf("value-%026d", i)
      printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v
    }
  }' | redis-cli -p "$1" --pipe >/dev/null
}

# redis-benchmark --csv: "test","rps","avg","min","p50","p95","p99","max"
bench() { # port
  redis-benchmark -p "$1" -t set,get -n "$N" -c 50 -r "$KEYS" -d 32 --csv </dev/null 2>/dev/null \
    | tr -d '"' | awk -F, 'NR > 1 { printf "  %-4s rps=%-10s p50=%sms p99=%sms max=%sms\n", $1, $2, $5, $7, $8 }'
}

bgsave_loop() { # port stopfile countfile
  local n=0
  while [[ ! -e "$2" ]]; do
    if [[ "$(info_field "$1" rdb_bgsave_in_progress)" == 0 ]]; then
      redis-cli -p "$1" BGSAVE >/dev/null && n=$((n + 1))
    fi
    sleep 0.05
  done
  echo "$n" >"$3"
}

heap_sampler() { # pid outfile
  # used MB (young + old), then old generation used MB (what outlives young collections)
  jstat -gc "$1" 100 2>/dev/null | awk 'NR > 1 { printf "%.0f %.0f\n", ($3 + $4 + $6 + $8) / 1024, $8 / 1024; fflush() }' >"$2"
}

run() { # name port pid
  local name="$1" port="$2" pid="$3" sampler=""
  echo "== $name: $KEYS keys"
  fill "$port"
  redis-benchmark -p "$port" -t set,get -n 200000 -c 50 -r "$KEYS" -d 32 -q </dev/null >/dev/null 2>&1 # warm-up
  for phase in quiet bgsave; do
    rm -f "$work/stop"
    if [[ "$name" == pyredis ]]; then
      heap_sampler "$pid" "$work/heap-$phase" & sampler=$!
    fi
    if [[ "$phase" == bgsave ]]; then
      bgsave_loop "$port" "$work/stop" "$work/count" & loop=$!
    fi
    echo " $phase:"
    bench "$port"
    if [[ "$phase" == bgsave ]]; then
      touch "$work/stop"; wait "$loop"
      echo "  bgsaves started during the run: $(cat "$work/count"), last took $(info_field "$port" rdb_last_bgsave_time_sec) s," \
        "status $(info_field "$port" rdb_last_bgsave_status), last cow size $(info_field "$port" rdb_last_cow_size) bytes"
    fi
    if [[ -n "$sampler" ]]; then
      kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
      echo "  heap used (MB): peak $(sort -n "$work/heap-$phase" | tail -1 | cut -d' ' -f1)," \
        "median $(sort -n "$work/heap-$phase" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}');" \
        "old generation peak $(sort -n -k2 "$work/heap-$phase" | tail -1 | cut -d' ' -f2)"
    fi
  done
}

for s in $SERVERS; do
  case "$s" in
    pyredis)
      mkdir -p "$work/pyredis"
      (cd "$work/pyredis" && exec "$root/bin/pyredis-server" --port "$PYREDIS_PORT" --save '' --dir "$work/pyredis" \
        >"$work/pyredis.log" 2>&1) &
      pids+=($!)
      wait_for_port "$PYREDIS_PORT"
      run pyredis "$PYREDIS_PORT" "$(pgrep -f "io.pyredis.server.Main.*--port $PYREDIS_PORT" | head -1)"
      ;;
    redis)
      mkdir -p "$work/redis"
      (cd "$work/redis" && exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$work/redis" --logfile "$work/redis.log") &
      pids+=($!)
      wait_for_port "$REDIS_PORT"
      run redis "$REDIS_PORT" ""
      ;;
  esac
done
