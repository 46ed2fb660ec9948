package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;

/** {@code QUIT}: replies OK, then the server closes the connection. */
public final class QuitCommand extends BuiltinCommand {

    public QuitCommand(ServerContext server) {
        super(server, spec("quit", -1, "connection", "1.0.0", "Close the connection", "",
                CommandFlag.ALLOW_BUSY, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                CommandFlag.FAST, CommandFlag.NO_AUTH));
    }

    @Override
    public Role role() {
        return Role.QUIT;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().ok();
        c.client().closeAfterReply();
    }
}
