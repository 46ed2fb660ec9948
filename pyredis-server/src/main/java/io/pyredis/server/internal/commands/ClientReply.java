package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.support.Keywords;

/** {@code CLIENT REPLY ON | OFF | SKIP}: silences this connection's replies, as networking.c. */
final class ClientReply extends BuiltinCommand {

    ClientReply(ServerContext server) {
        super(server, "client|reply");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (Keywords.is(args[2], "on")) {
            c.client().replyMode(Client.ReplyMode.ON);
            c.reply().ok();
        } else if (Keywords.is(args[2], "off")) {
            c.client().replyMode(Client.ReplyMode.OFF);
        } else if (Keywords.is(args[2], "skip")) {
            c.client().replyMode(Client.ReplyMode.SKIP);
        } else {
            throw RedisError.SYNTAX;
        }
    }
}
