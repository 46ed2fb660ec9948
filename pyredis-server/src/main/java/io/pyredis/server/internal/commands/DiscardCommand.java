package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code DISCARD} */
public final class DiscardCommand extends BuiltinCommand {

    public DiscardCommand(ServerContext server) {
        super(server, spec("discard", 1, "transactions", "2.0.0", "Discard all commands issued after MULTI", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST, CommandFlag.ALLOW_BUSY));
    }

    @Override
    public Role role() {
        return Role.DISCARD;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.discard(c.client(), server.watches());
    }
}
