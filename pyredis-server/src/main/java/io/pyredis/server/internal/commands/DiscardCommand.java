package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code DISCARD} */
public final class DiscardCommand extends BuiltinCommand {

    public DiscardCommand(ServerContext server) {
        super(server, "discard");
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
