package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;

/** {@code ECHO message} */
public final class EchoCommand extends BuiltinCommand {

    public EchoCommand(ServerContext server) {
        super(server, "echo");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().bulk(args[1]);
    }
}
