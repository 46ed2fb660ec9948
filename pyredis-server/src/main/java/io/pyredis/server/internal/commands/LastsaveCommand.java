package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;

/** {@code LASTSAVE}: unix time of the last successful save. */
public final class LastsaveCommand extends BuiltinCommand {

    public LastsaveCommand(ServerContext server) {
        super(server, "lastsave");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().integer(server.persistence().lastSaveSeconds());
    }
}
