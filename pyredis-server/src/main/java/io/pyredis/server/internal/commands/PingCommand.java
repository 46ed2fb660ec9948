package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;

/** {@code PING [message]} */
public final class PingCommand extends BuiltinCommand {

    public PingCommand(ServerContext server) {
        super(server, "ping");
    }

    private static final byte[] EMPTY = new byte[0];

    @Override
    public Role role() {
        return Role.PING;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (args.length > 2) {
            c.reply().error("ERR wrong number of arguments for 'ping' command");
        } else if (c.client().subscriptionCount() > 0 && c.session().protocol() == 2) {
            // Redis's pub/sub-mode PING: the word and the message (empty without one) as an array.
            c.reply().array(2);
            c.reply().bulk("pong");
            c.reply().bulk(args.length == 2 ? args[1] : EMPTY);
        } else if (args.length == 1) {
            c.reply().simple("PONG");
        } else {
            c.reply().bulk(args[1]);
        }
    }
}
