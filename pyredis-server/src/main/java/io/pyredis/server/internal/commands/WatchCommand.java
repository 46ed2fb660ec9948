package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

import java.util.EnumSet;

/** {@code WATCH key [key ...]} */
public final class WatchCommand extends BuiltinCommand {

    public WatchCommand(ServerContext server) {
        super(server, new CommandSpec("watch", -2, EnumSet.of(CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                CommandFlag.FAST, CommandFlag.ALLOW_BUSY), KeySpec.ALL, "transactions", "2.2.0",
                "Watch the given keys to determine execution of the MULTI/EXEC block", "O(1) for every key.",
                "key [key ...]"));
    }

    @Override
    public Role role() {
        return Role.WATCH;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Transactions.watch(c.client(), server.watches(), args);
    }
}
