package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.Connection;

/** {@code QUIT}: replies OK, then the server closes the connection. */
public final class QuitCommand extends BuiltinCommand {

    public QuitCommand() {
        super(spec("quit", -1, "connection", "1.0.0", "Close the connection", "",
                CommandFlag.ALLOW_BUSY, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                CommandFlag.FAST, CommandFlag.NO_AUTH));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        c.reply().ok();
        c.closeAfterReply();
    }
}
