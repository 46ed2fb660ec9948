package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.Transactions;

/** {@code MULTI} */
public final class MultiCommand extends BuiltinCommand {

    public MultiCommand() {
        super(spec("multi", 1, "transactions", "1.2.0", "Start a transaction block", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST, CommandFlag.ALLOW_BUSY));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        Transactions.multi(c);
    }
}
