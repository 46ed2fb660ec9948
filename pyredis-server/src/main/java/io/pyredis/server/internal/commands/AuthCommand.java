package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;

import java.nio.charset.StandardCharsets;

/** {@code AUTH [username] password} */
public final class AuthCommand extends BuiltinCommand {

    private static final RedisError NO_PASSWORD = new RedisError("ERR AUTH <password> called without any password "
            + "configured for the default user. Are you sure your configuration is correct?");
    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);

    public AuthCommand(ServerContext server) {
        super(server, "auth");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        // As Redis: the password never reaches the slow log or MONITOR.
        c.client().redactArgument(args, 1);
        byte[] user;
        byte[] password;
        if (args.length == 2) {
            if (server.engine().acl().defaultUser().nopass()) {
                throw NO_PASSWORD;
            }
            user = DEFAULT_USER;
            password = args[1];
        } else {
            user = args[1];
            password = args[2];
            c.client().redactArgument(args, 2);
        }
        Auth.authenticate(server, c, user, password);
        c.reply().ok();
    }
}
