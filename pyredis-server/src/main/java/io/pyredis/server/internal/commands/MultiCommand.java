package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code MULTI} */
public final class MultiCommand extends BuiltinCommand {

    public MultiCommand(ServerContext server) {
        super(server, "multi");
    }

    @Override
    public Role role() {
        return Role.MULTI;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.multi(c.client());
    }
}
