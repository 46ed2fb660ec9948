package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;

/** {@code SAVE}: writes the RDB snapshot synchronously. */
public final class SaveCommand extends BuiltinCommand {

    public SaveCommand(ServerContext server) {
        super(server, "save");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        if (server.persistence().bgsaveInProgress()) {
            throw new RedisError("ERR Background save already in progress");
        }
        if (!server.persistence().save()) {
            // Redis's shared.err: a bare "ERR".
            throw new RedisError("ERR");
        }
        c.reply().ok();
    }
}
