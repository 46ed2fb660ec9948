package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;
import io.pyredis.core.command.Role;

/** {@code EXEC} */
public final class ExecCommand extends BuiltinCommand {

    public ExecCommand(ServerContext server) {
        super(server, "exec");
    }

    @Override
    public Role role() {
        return Role.EXEC;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.exec(c.client(), server.engine().callUnit());
    }
}
