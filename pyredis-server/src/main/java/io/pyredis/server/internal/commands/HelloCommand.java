package io.pyredis.server.internal.commands;

import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.core.client.Client;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;

import java.nio.charset.StandardCharsets;

/** {@code HELLO [protover [AUTH username password] [SETNAME clientname]]} */
public final class HelloCommand extends BuiltinCommand {

    private static final RedisError BAD_VERSION =
            new RedisError("ERR Protocol version is not an integer or out of range");
    private static final RedisError NOPROTO = new RedisError("NOPROTO unsupported protocol version");
    private static final RedisError NOAUTH = new RedisError("NOAUTH HELLO must be called with the client already "
            + "authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate "
            + "the client and select the RESP protocol version at the same time");

    public HelloCommand(ServerContext server) {
        super(server, "hello");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Client s = c.session();
        int version = 0;
        int next = 1;
        if (args.length >= 2) {
            long v = Numbers.parseLong(args[next++], BAD_VERSION);
            if (v < 2 || v > 3) {
                throw NOPROTO;
            }
            version = (int) v;
        }
        byte[] clientName = null;
        // As Redis 7.0 does, AUTH takes effect as soon as it is parsed, even when a later
        // option is refused.
        for (int j = next; j < args.length; j++) {
            int more = args.length - 1 - j;
            String opt = new String(args[j], StandardCharsets.ISO_8859_1);
            if (opt.equalsIgnoreCase("AUTH") && more >= 2) {
                c.client().redactArgument(args, j + 1);
                c.client().redactArgument(args, j + 2);
                Auth.authenticate(server, c, args[j + 1], args[j + 2]);
                j += 2;
            } else if (opt.equalsIgnoreCase("SETNAME") && more >= 1) {
                clientName = args[j + 1];
                j++;
            } else {
                int nul = opt.indexOf('\0');
                throw new RedisError("ERR Syntax error in HELLO option '" + (nul < 0 ? opt : opt.substring(0, nul)) + "'");
            }
        }
        if (!s.authenticated()) {
            throw NOAUTH;
        }
        if (clientName != null) {
            s.name(ClientNames.validate(clientName));
        }
        if (version != 0) {
            s.protocol(version);
        }
        RespWriter w = c.reply();
        w.map(7);
        w.bulk("server");
        w.bulk("redis");
        w.bulk("version");
        w.bulk(ServerContext.REDIS_VERSION);
        w.bulk("proto");
        w.integer(s.protocol());
        w.bulk("id");
        w.integer(s.id());
        w.bulk("mode");
        w.bulk("standalone");
        w.bulk("role");
        w.bulk("master");
        w.bulk("modules");
        w.array(0);
    }
}
