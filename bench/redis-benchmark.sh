#!/usr/bin/env bash
# Compares pyredis with Debian's redis-server under redis-benchmark, side by side.
#
#   bench/redis-benchmark.sh                # N=200000 requests per test
#   N=1000000 REDIS_PORT=7601 PYREDIS_PORT=7602 bench/redis-benchmark.sh
#   SERVER_ARGS="--appendonly yes --appendfsync always" TESTS=set bench/redis-benchmark.sh
#
# SERVER_ARGS go to both servers (each writes its files in its own temp directory).
# Both servers run on this machine with persistence off (SERVER_ARGS may turn it on); each test is run against one,
# then the other, with the same N, clients, pipeline and key space. pyredis is started
# from pyredis-dist/target/modules (built when missing) as bin/pyredis-server starts it,
# and warmed up with a throwaway run first so the JIT has compiled the hot path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${N:-200000}"
REDIS_PORT="${REDIS_PORT:-7601}"
PYREDIS_PORT="${PYREDIS_PORT:-7602}"
KEYSPACE="${KEYSPACE:-100000}"
TESTS="${TESTS:-set,get}"

for tool in redis-server redis-benchmark redis-cli java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (apt-get install redis-server redis-tools)" >&2; exit 1; }
done

work="$(mktemp -d)"
redis_pid=""
pyredis_pid=""
cleanup() {
  [[ -n "$redis_pid" ]] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
  [[ -n "$pyredis_pid" ]] && kill "$pyredis_pid" 2>/dev/null && wait "$pyredis_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

wait_for_port() { # port name
  for _ in $(seq 1 300); do
    if redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  echo "bench: $2 did not answer PING on port $1" >&2
  exit 1
}

if [[ ! -d "$root/pyredis-dist/target/modules" ]]; then
  echo "bench: building pyredis (mvn -q -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
fi

mkdir -p "$work/redis" "$work/pyredis"
# shellcheck disable=SC2086
(cd "$work/redis" && exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  --logfile "$work/redis.log" --dir "$work/redis" ${SERVER_ARGS:-}) &
redis_pid=$!
# shellcheck disable=SC2086
(cd "$work/pyredis" && exec "$root/bin/pyredis-server" --port "$PYREDIS_PORT" --save '' --dir "$work/pyredis" \
  ${SERVER_ARGS:-} >"$work/pyredis.log" 2>&1) &
pyredis_pid=$!
wait_for_port "$REDIS_PORT" redis-server
wait_for_port "$PYREDIS_PORT" pyredis

# rps of one redis-benchmark -q line: "SET: 123456.79 requests per second, p50=..."
rps() { # port test extra-args...
  local port="$1" test="$2"; shift 2
  # pyredis may not answer CONFIG GET (redis-benchmark only reads it to print a warning)
  redis-benchmark -h 127.0.0.1 -p "$port" -q -t "$test" -n "$N" -r "$KEYSPACE" "$@" </dev/null \
    2> >(grep -v "Could not fetch server CONFIG" >&2) \
    | tr '\r' '\n' | grep -E "^${test^^}: [0-9.]+ requests per second" | tail -1 | awk '{print $2}'
}

echo "bench: warming up pyredis..." >&2
redis-benchmark -h 127.0.0.1 -p "$PYREDIS_PORT" -q -t "$TESTS" -n "$N" -r "$KEYSPACE" -c 50 -P 16 >/dev/null 2>&1 </dev/null
redis-benchmark -h 127.0.0.1 -p "$PYREDIS_PORT" -q -t "$TESTS" -n "$N" -r "$KEYSPACE" -c 50 >/dev/null 2>&1 </dev/null

printf '%-22s %14s %14s %8s\n' "test (N=$N)" "redis rps" "pyredis rps" "ratio"
IFS=',' read -r -a tests <<<"$TESTS"
for mode in "-c 50" "-c 50 -P 16"; do
  for t in "${tests[@]}"; do
    # shellcheck disable=SC2086
    r="$(rps "$REDIS_PORT" "$t" $mode)"
    # shellcheck disable=SC2086
    p="$(rps "$PYREDIS_PORT" "$t" $mode)"
    ratio="$(awk -v p="${p:-0}" -v r="${r:-0}" 'BEGIN { if (r > 0) printf "%.2f", p / r; else print "-" }')"
    printf '%-22s %14s %14s %8s\n' "${t^^} $mode" "${r:--}" "${p:--}" "$ratio"
  done
done
