package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.Transactions;

/** {@code UNWATCH} */
public final class UnwatchCommand extends BuiltinCommand {

    public UnwatchCommand() {
        super(spec("unwatch", 1, "transactions", "2.2.0", "Forget about all watched keys", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST, CommandFlag.ALLOW_BUSY));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        Transactions.unwatch(c);
    }
}
