package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.persistence.aof.Aof;

/**
 * {@code BGREWRITEAOF}: rewrites the append-only file as a new base plus an empty incr
 * file. The base is written synchronously for now (see {@code Aof#writeBase}).
 */
public final class BgrewriteaofCommand extends BuiltinCommand {

    public BgrewriteaofCommand(ServerContext server) {
        super(server, "bgrewriteaof");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Aof aof = server.aof();
        if (aof.rewriteInProgress()) {
            throw new RedisError("ERR Background append only file rewriting already in progress");
        }
        if (server.persistence().bgsaveInProgress()) {
            aof.scheduleRewrite();
            c.reply().simple("Background append only file rewriting scheduled");
            return;
        }
        if (!aof.rewrite()) {
            throw new RedisError("ERR Can't execute an AOF background rewriting. "
                    + "Please check the server logs for more information.");
        }
        c.reply().simple("Background append only file rewriting started");
    }
}
