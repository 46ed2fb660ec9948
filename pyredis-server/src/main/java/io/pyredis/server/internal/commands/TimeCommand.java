package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;

/** {@code TIME}: the server's clock (the one expiry uses) as unix seconds and microseconds. */
public final class TimeCommand extends BuiltinCommand {

    public TimeCommand(ServerContext server) {
        super(server, "time");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        long ms = server.clock().millis();
        RespWriter w = c.reply();
        w.array(2);
        w.bulk(Math.floorDiv(ms, 1000));
        w.bulk(Math.floorMod(ms, 1000) * 1000L);
    }
}
