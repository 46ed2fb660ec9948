package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.Transactions;

/** {@code DISCARD} */
public final class DiscardCommand extends BuiltinCommand {

    public DiscardCommand() {
        super(spec("discard", 1, "transactions", "2.0.0", "Discard all commands issued after MULTI", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST, CommandFlag.ALLOW_BUSY));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        Transactions.discard(c);
    }
}
