package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.exec.CallContext;

/** {@code ECHO message} */
public final class EchoCommand extends BuiltinCommand {

    public EchoCommand(ServerContext server) {
        super(server, spec("echo", 2, "connection", "1.0.0", "Echo the given string", "message", CommandFlag.LOADING,
                CommandFlag.STALE, CommandFlag.FAST));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().bulk(args[1]);
    }
}
