package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code WATCH key [key ...]} */
public final class WatchCommand extends BuiltinCommand {

    public WatchCommand(ServerContext server) {
        super(server, "watch");
    }

    @Override
    public Role role() {
        return Role.WATCH;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.watch(c.client(), server.watches(), args);
    }
}
