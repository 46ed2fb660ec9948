package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;

/** {@code SELECT index} */
public final class SelectCommand extends BuiltinCommand {

    /** getIntFromObjectOrReply's text for a 64-bit integer outside int's range. */
    static final RedisError NOT_AN_INT =
            new RedisError("ERR value is out of range, value must between -2147483648 and 2147483647");

    public SelectCommand(ServerContext server) {
        super(server, "select");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        long index = Numbers.parseLong(args[1]);
        if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
            throw NOT_AN_INT;
        }
        if (index < 0 || index >= c.databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        c.session().db((int) index);
        c.reply().ok();
    }
}
