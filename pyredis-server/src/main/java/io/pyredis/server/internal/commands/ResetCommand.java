package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.exec.Transactions;

/** {@code RESET}: back to a fresh connection's state (db 0, RESP2, no name, not authenticated if a password is set). */
public final class ResetCommand extends BuiltinCommand {

    public ResetCommand(ServerContext server) {
        super(server, "reset");
    }

    @Override
    public Role role() {
        return Role.RESET;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Client s = c.session();
        // As Redis's clearClientConnectionState: no longer a monitor, out of MULTI, nothing
        // watched or subscribed, no tracking, replies on.
        if (s.monitor()) {
            server.monitors().remove(s);
            s.monitor(false);
        }
        s.resetReplyMode();
        Transactions.discardTransaction(s, server.watches());
        server.pubsub().forget(s);
        server.engine().tracking().disable(s);
        s.db(0);
        s.protocol(2);
        s.name(null);
        s.user(server.engine().acl().defaultUser());
        s.authenticated(server.engine().acl().newClientsAuthenticated());
        c.reply().simple("RESET");
    }
}
