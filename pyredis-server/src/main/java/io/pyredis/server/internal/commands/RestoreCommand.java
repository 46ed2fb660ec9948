package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.core.exec.CallContext;
import io.pyredis.storage.Rdb;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]},
 * checked in Redis's order: options, existing key, TTL, payload footer, payload body.
 * IDLETIME and FREQ are applied as Redis's objectSetLRUOrLFU: FREQ under an LFU
 * maxmemory-policy, IDLETIME under any other.
 */
public final class RestoreCommand extends BuiltinCommand {

    public RestoreCommand(ServerContext server) {
        super(server, "restore");
    }

    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ABSTTL = "ABSTTL".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void execute(CallContext c, byte[][] args) {
        boolean replace = false;
        boolean absttl = false;
        long idle = -1;
        long freq = -1;
        for (int j = 4; j < args.length; j++) {
            boolean more = j + 1 < args.length;
            switch (new String(args[j], StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)) {
                case "replace":
                    replace = true;
                    break;
                case "absttl":
                    absttl = true;
                    break;
                case "idletime":
                    if (!more || freq != -1) {
                        throw RedisError.SYNTAX;
                    }
                    idle = Numbers.parseLong(args[++j], RedisError.NOT_INTEGER);
                    if (idle < 0) {
                        throw new RedisError("ERR Invalid IDLETIME value, must be >= 0");
                    }
                    break;
                case "freq":
                    if (!more || idle != -1) {
                        throw RedisError.SYNTAX;
                    }
                    freq = Numbers.parseLong(args[++j], RedisError.NOT_INTEGER);
                    if (freq < 0 || freq > 255) {
                        throw new RedisError("ERR Invalid FREQ value, must be >= 0 and <= 255");
                    }
                    break;
                default:
                    throw RedisError.SYNTAX;
            }
        }
        Database db = c.db();
        byte[] key = args[1];
        if (!replace && db.exists(key)) {
            throw new RedisError("BUSYKEY Target key name already exists.");
        }
        long ttl = Numbers.parseLong(args[2], RedisError.NOT_INTEGER);
        if (ttl < 0) {
            throw new RedisError("ERR Invalid TTL value, must be >= 0");
        }
        RedisValue v = Rdb.restore(args[3], server.keyspace());
        boolean deleted = replace && db.delete(key);
        long now = server.keyspace().now();
        boolean relative = ttl != 0 && !absttl;
        if (relative) {
            ttl = ttl > Long.MAX_VALUE - now ? Long.MAX_VALUE : ttl + now;
        }
        if (ttl != 0 && ttl < now) {
            // Already expired: the key is gone (deleted above when replacing), the reply is still OK.
            if (deleted) {
                c.propagate(DEL, key);
            }
            c.reply().ok();
            return;
        }
        if (relative) {
            // As Redis: the AOF gets the deadline, not a TTL that would restart at replay.
            byte[][] abs = java.util.Arrays.copyOf(args, args.length + 1);
            abs[2] = Long.toString(ttl).getBytes(StandardCharsets.US_ASCII);
            abs[args.length] = ABSTTL;
            c.propagate(abs);
        }
        if (ttl != 0) {
            db.set(key, v, ttl);
        } else {
            db.set(key, v);
        }
        server.keyspace().setAccess(c.session().db(), key, idle, (int) freq, server.memory().policy().lfu());
        c.reply().ok();
    }
}
