#!/usr/bin/env python3
"""Writes each pack's commands.json from Redis 7.0.15's own command JSON.

Redis describes every command in src/commands/*.json (one file per command or subcommand,
subcommands naming their "container"); its command table, and so COMMAND INFO and COMMAND
DOCS, are generated from them. pyredis keeps the same data beside each pack, for the
commands that pack implements, in the same shape, with a container's subcommands nested in
its "subcommands" object. The "function" and "get_keys_function" fields name Redis's C
functions and are left out. The data is Redis's (BSD 3-clause, see LICENSE-THIRD-PARTY.md).

    tools/generate-command-metadata.py REDIS_SRC_COMMANDS_DIR

re-writes every file listed in PACKS below; a command listed there that Redis does not
have is an error. Run it again when a pack gains a command (add the name to PACKS first).
pyredis-dist's CommandMetadataRedisTest checks the result against live Redis replies.
"""
import json
import os
import sys
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# pack resource -> the top-level commands it implements; a container maps to the
# subcommands it implements (None: all of Redis's).
PACKS = {
    "pyredis-commands-strings/src/main/resources/io/pyredis/commands/strings/commands.json":
        "get set setnx setex psetex getset getdel getex mget mset msetnx incr decr incrby decrby "
        "incrbyfloat append strlen getrange setrange substr lcs",
    "pyredis-commands-keys/src/main/resources/io/pyredis/commands/keys/commands.json":
        "del unlink exists type touch expire pexpire expireat pexpireat ttl pttl expiretime pexpiretime "
        "persist keys scan rename renamenx randomkey copy move swapdb object:encoding,freq,help,idletime,refcount "
        "sort sort_ro",
    "pyredis-commands-lists/src/main/resources/io/pyredis/commands/lists/commands.json":
        "lpush rpush lpushx rpushx lpop rpop llen lrange lindex lset linsert lrem ltrim lpos lmove rpoplpush "
        "lmpop blpop brpop blmove brpoplpush blmpop",
    "pyredis-commands-hashes/src/main/resources/io/pyredis/commands/hashes/commands.json":
        "hset hsetnx hget hmget hmset hdel hlen hstrlen hexists hkeys hvals hgetall hincrby hincrbyfloat "
        "hrandfield hscan",
    "pyredis-commands-sets/src/main/resources/io/pyredis/commands/sets/commands.json":
        "sadd srem smembers sismember smismember scard spop srandmember smove sinter sintercard sinterstore "
        "sunion sunionstore sdiff sdiffstore sscan",
    "pyredis-commands-sortedsets/src/main/resources/io/pyredis/commands/sortedsets/commands.json":
        "zadd zincrby zrem zcard zcount zlexcount zscore zmscore zrank zrevrank zrange zrangestore zrevrange "
        "zrangebyscore zrevrangebyscore zrangebylex zrevrangebylex zremrangebyrank zremrangebyscore "
        "zremrangebylex zpopmin zpopmax zmpop zrandmember zunion zinter zdiff zunionstore zinterstore "
        "zdiffstore zintercard zscan bzpopmin bzpopmax bzmpop",
    "pyredis-commands-scripting/src/main/resources/io/pyredis/commands/scripting/commands.json":
        "eval evalsha eval_ro evalsha_ro script:exists,flush,help,kill,load",
    "pyredis-commands-streams/src/main/resources/io/pyredis/commands/streams/commands.json":
        "xadd xrange xrevrange xlen xdel xtrim xsetid xread xreadgroup xgroup xack xpending xclaim xautoclaim xinfo",
    "pyredis-commands-bitmaps/src/main/resources/io/pyredis/commands/bitmaps/commands.json":
        "setbit getbit bitcount bitpos bitop bitfield bitfield_ro",
    "pyredis-commands-hyperloglog/src/main/resources/io/pyredis/commands/hyperloglog/commands.json":
        "pfadd pfcount pfmerge pfdebug pfselftest",
    "pyredis-commands-geo/src/main/resources/io/pyredis/commands/geo/commands.json":
        "geoadd geodist geohash geopos georadius georadius_ro georadiusbymember georadiusbymember_ro "
        "geosearch geosearchstore",
    "pyredis-server/src/main/resources/io/pyredis/server/internal/commands/commands.json":
        "acl auth bgrewriteaof bgsave client:caching,getname,getredir,help,id,info,kill,list,no-evict,pause,reply,setname,tracking,trackinginfo,unblock,unpause "
        "command:count,docs,getkeys,getkeysandflags,help,info,list "
        "config:get,help,resetstat,rewrite,set dbsize debug discard dump echo exec flushall flushdb hello info "
        "lastsave latency lolwut memory module:help,list,load,loadex,unload monitor multi ping psubscribe publish pubsub:channels,help,numpat,numsub,shardchannels,shardnumsub "
        "punsubscribe quit reset restore save select shutdown slowlog spublish ssubscribe subscribe sunsubscribe time "
        "unsubscribe unwatch watch "
        "replconf sync psync wait role replicaof slaveof",
}

LEFT_OUT = ("function", "get_keys_function", "container")


def load(src):
    commands, subs = {}, {}
    for f in sorted(os.listdir(src)):
        if not f.endswith(".json"):
            continue
        with open(os.path.join(src, f)) as fh:
            d = json.load(fh, object_pairs_hook=OrderedDict)
        for name, body in d.items():
            if "container" in body:
                subs.setdefault(body["container"].lower(), {})[name.lower()] = (name, body)
            else:
                commands[name.lower()] = (name, body)
    return commands, subs


def clean(body):
    return OrderedDict((k, v) for k, v in body.items() if k not in LEFT_OUT)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    commands, subs = load(sys.argv[1])
    for resource, spec in PACKS.items():
        out = OrderedDict()
        for word in spec.split():
            name, _, wanted = word.partition(":")
            if name not in commands:
                sys.exit("Redis has no command " + name)
            declared, body = commands[name]
            body = clean(body)
            if wanted or name in subs:
                names = sorted(subs.get(name, {})) if not wanted else wanted.split(",")
                nested = OrderedDict()
                for s in names:
                    if s not in subs.get(name, {}):
                        sys.exit("Redis has no subcommand %s|%s" % (name, s))
                    sdecl, sbody = subs[name][s]
                    nested[sdecl] = clean(sbody)
                body["subcommands"] = nested
            out[declared] = body
        path = os.path.join(ROOT, resource)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            json.dump(out, fh, indent=4)
            fh.write("\n")
        print("%s: %d commands" % (resource, len(out)))


if __name__ == "__main__":
    main()
