package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;

/** {@code DBSIZE} */
public final class DbsizeCommand extends BuiltinCommand {

    public DbsizeCommand(ServerContext server) {
        super(server, "dbsize");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().integer(c.db().size());
    }
}
