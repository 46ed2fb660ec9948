package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.Transactions;
import io.pyredis.server.internal.dispatch.CommandEntry;

/** {@code EXEC} */
public final class ExecCommand extends BuiltinCommand {

    public ExecCommand() {
        super(complexity(spec("exec", 1, "transactions", "1.2.0", "Execute all commands issued after MULTI", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.SKIP_SLOWLOG),
                "Depends on commands in the transaction"));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        // The dispatcher set the session's last command to EXEC's entry; commands run
        // inside take its place in turn, and EXEC's comes back after them.
        CommandEntry self = c.session().lastCommand();
        Transactions.exec(c, self);
    }
}
