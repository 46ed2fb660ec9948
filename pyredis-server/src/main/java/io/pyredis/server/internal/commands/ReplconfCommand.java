package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.replication.Replication;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * {@code REPLCONF [option value ...]}: what a replica tells its master during the handshake
 * (listening-port, ip-address, capa) and after it (ACK offset, which has no reply), as
 * Redis's replconfCommand.
 */
public final class ReplconfCommand extends BuiltinCommand {

    private static final RedisError NOT_INTEGER = new RedisError("ERR value is not an integer or out of range");
    /** Redis's NET_HOST_STR_LEN. */
    private static final int HOST_STR_LEN = 256;

    public ReplconfCommand(ServerContext server) {
        super(server, "replconf");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (args.length % 2 == 0) {
            throw RedisError.SYNTAX;
        }
        Replication repl = server.replication();
        for (int j = 1; j < args.length; j += 2) {
            byte[] value = args[j + 1];
            if (Keywords.is(args[j], "listening-port")) {
                repl.listeningPort(c.client(), Numbers.parseLong(value, NOT_INTEGER));
            } else if (Keywords.is(args[j], "ip-address")) {
                if (value.length >= HOST_STR_LEN) {
                    throw new RedisError("ERR REPLCONF ip-address provided by replica instance is too long: "
                            + value.length + " bytes");
                }
                repl.ipAddress(c.client(), new String(value, StandardCharsets.UTF_8));
            } else if (Keywords.is(args[j], "capa")) {
                repl.capability(c.client(), new String(value, StandardCharsets.UTF_8));
            } else if (Keywords.is(args[j], "ack")) {
                // No reply, whoever sends it: only a replica's counts.
                if (c.client().replica()) {
                    try {
                        repl.ack(c.client(), Numbers.parseLong(value, NOT_INTEGER));
                    } catch (RedisError e) {
                        // Redis ignores an unreadable offset silently.
                    }
                }
                return;
            } else if (Keywords.is(args[j], "getack")) {
                // Only a replica answers it (with an ACK); a master ignores it, without a reply.
                return;
            } else if (Keywords.is(args[j], "rdb-only")) {
                long v = Numbers.parseLong(value, NOT_INTEGER);
                if (v < 0 || v > 1) {
                    throw new RedisError("ERR value is out of range, must be between 0 and 1");
                }
            } else if (Keywords.is(args[j], "rdb-filter-only")) {
                // Accepted: the only filter Redis 7.0 knows is "functions", and pyredis has none.
                continue;
            } else {
                throw new RedisError("ERR Unrecognized REPLCONF option: " + ClientCommand.cString(args[j]));
            }
        }
        c.reply().ok();
    }
}
