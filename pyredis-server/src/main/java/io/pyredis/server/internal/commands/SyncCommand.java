package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * {@code SYNC} and {@code PSYNC replicationid offset}: a replica asks for the data and then
 * the command stream (Redis's syncCommand): {@code +CONTINUE} with what the backlog holds,
 * or {@code +FULLRESYNC replid offset} and an RDB.
 */
public final class SyncCommand extends BuiltinCommand {

    private static final RedisError NOT_INTEGER = new RedisError("ERR value is not an integer or out of range");
    private final boolean psync;

    private SyncCommand(ServerContext server, String name) {
        super(server, name);
        this.psync = name.equals("psync");
    }

    /** {@code SYNC} */
    public static SyncCommand sync(ServerContext server) {
        return new SyncCommand(server, "sync");
    }

    /** {@code PSYNC replicationid offset} */
    public static SyncCommand psync(ServerContext server) {
        return new SyncCommand(server, "psync");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (c.client().replica()) {
            return; // a replica asking again is ignored, as Redis does
        }
        if (c.reply().size() > 0) {
            throw new RedisError("ERR SYNC and PSYNC are invalid with pending output");
        }
        if (psync) {
            long offset = Numbers.parseLong(args[2], NOT_INTEGER);
            server.replication().sync(c.client(), new String(args[1], StandardCharsets.UTF_8), offset);
        } else {
            server.replication().sync(c.client(), null, 0);
        }
    }
}
