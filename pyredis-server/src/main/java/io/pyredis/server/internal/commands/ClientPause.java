package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/** {@code CLIENT PAUSE timeout [WRITE | ALL]}: holds clients' commands for {@code timeout} ms, as networking.c. */
final class ClientPause extends BuiltinCommand {

    private static final RedisError NOT_INTEGER = new RedisError("ERR timeout is not an integer or out of range");
    private static final RedisError NEGATIVE = new RedisError("ERR timeout is negative");

    ClientPause(ServerContext server) {
        super(server, "client|pause");
    }

    /** Redis's getTimeoutFromObjectOrReply in milliseconds (CLIENT PAUSE, WAIT): 0 for ever. */
    static long timeoutMillis(byte[] arg) {
        long timeout = Numbers.parseLong(arg, NOT_INTEGER);
        if (timeout < 0) {
            throw NEGATIVE;
        }
        return timeout;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (args.length > 4) {
            throw Help.subcommandSyntaxError(args);
        }
        io.pyredis.core.exec.ClientPause.Type type = io.pyredis.core.exec.ClientPause.Type.ALL;
        if (args.length == 4) {
            if (Keywords.is(args[3], "write")) {
                type = io.pyredis.core.exec.ClientPause.Type.WRITE;
            } else if (!Keywords.is(args[3], "all")) {
                throw new RedisError("ERR CLIENT PAUSE mode must be WRITE or ALL");
            }
        }
        long timeout = timeoutMillis(args[2]);
        long now = System.currentTimeMillis();
        long end = timeout > 0 ? timeout + now : 0;
        server.engine().callUnit().pause().pause(type, end, now);
        c.reply().ok();
    }
}
