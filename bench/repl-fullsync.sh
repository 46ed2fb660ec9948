#!/usr/bin/env bash
# Full-sync time for N keys (DEBUG POPULATE N key 10), master -> replica, for the pairs
# pyredis -> redis-server, redis-server -> pyredis and redis-server -> redis-server:
# from REPLICAOF to master_link_status:up on the replica.
# Usage: bench/repl-fullsync.sh [N]   (needs the packaged server: mvn -o -DskipTests package -pl pyredis-dist -am)
set -euo pipefail
N=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
base=$((7000 + RANDOM % 900))
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

start() { # kind port
    local dir="$work/$2"
    mkdir -p "$dir"
    if [ "$1" = pyredis ]; then
        (cd "$dir" && exec "$root/bin/pyredis-server" --port "$2" --save '' --dir "$dir" \
            --enable-debug-command yes --repl-diskless-sync no >"$dir/log" 2>&1) &
    else
        redis-server --port "$2" --save '' --dir "$dir" --enable-debug-command yes \
            --repl-diskless-sync no --logfile "$dir/log" &
    fi
    pids+=($!)
    until redis-cli -p "$2" ping >/dev/null 2>&1; do sleep 0.1; done
}

run() { # master-kind replica-kind
    local m=$base r=$((base + 1))
    base=$((base + 2))
    start "$1" $m
    start "$2" $r
    redis-cli -p $m debug populate "$N" key 10 >/dev/null
    local t0
    t0=$(date +%s.%N)
    redis-cli -p $r replicaof 127.0.0.1 $m >/dev/null
    until redis-cli -p $r info replication | grep -q 'master_link_status:up'; do sleep 0.05; done
    local t1
    t1=$(date +%s.%N)
    printf '%-8s -> %-8s %d keys: %.2f s (replica dbsize %s)\n' "$1" "$2" "$N" "$(echo "$t1 - $t0" | bc)" \
        "$(redis-cli -p $r dbsize)"
    redis-cli -p $r shutdown nosave >/dev/null 2>&1 || true
    redis-cli -p $m shutdown nosave >/dev/null 2>&1 || true
    sleep 0.5
}

run pyredis redis
run redis pyredis
run redis redis
