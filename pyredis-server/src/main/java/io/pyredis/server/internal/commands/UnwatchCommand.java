package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code UNWATCH} */
public final class UnwatchCommand extends BuiltinCommand {

    public UnwatchCommand(ServerContext server) {
        super(server, "unwatch");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.unwatch(c.client(), server.watches());
    }
}
