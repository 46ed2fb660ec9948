package io.pyredis.server.internal.commands;

import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

/** {@code CLIENT UNPAUSE}: ends CLIENT PAUSE; the held clients' commands run. */
final class ClientUnpause extends BuiltinCommand {

    ClientUnpause(ServerContext server) {
        super(server, "client|unpause");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        server.engine().callUnit().pause().unpause();
        c.reply().ok();
    }
}
