package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code UNWATCH} */
public final class UnwatchCommand extends BuiltinCommand {

    public UnwatchCommand(ServerContext server) {
        super(server, spec("unwatch", 1, "transactions", "2.2.0", "Forget about all watched keys", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST, CommandFlag.ALLOW_BUSY));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.unwatch(c.client(), server.watches());
    }
}
