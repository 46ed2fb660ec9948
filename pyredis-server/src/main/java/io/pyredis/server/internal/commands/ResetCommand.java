package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.server.internal.ClientSession;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.Transactions;

/** {@code RESET}: back to a fresh connection's state (db 0, RESP2, no name, not authenticated if a password is set). */
public final class ResetCommand extends BuiltinCommand {

    public ResetCommand() {
        super(spec("reset", 1, "connection", "6.2.0", "Reset the connection", "",
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST,
                CommandFlag.NO_AUTH, CommandFlag.ALLOW_BUSY));
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        ClientSession s = c.session();
        // As Redis's clearClientConnectionState: out of MULTI, nothing watched or subscribed.
        Transactions.discardTransaction(c);
        c.server().pubsub().forget(c);
        s.db(0);
        s.protocol(2);
        s.name(null);
        s.authenticated(c.server().config().requirepass.value().isEmpty());
        c.reply().simple("RESET");
    }
}
