package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;

/** {@code QUIT}: replies OK, then the server closes the connection. */
public final class QuitCommand extends BuiltinCommand {

    public QuitCommand(ServerContext server) {
        super(server, "quit");
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
