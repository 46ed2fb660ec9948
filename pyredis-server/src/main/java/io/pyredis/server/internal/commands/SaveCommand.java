package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.RedisError;
import io.pyredis.core.exec.CallContext;

import java.util.List;

/** {@code SAVE}: writes the RDB snapshot synchronously. */
public final class SaveCommand extends BuiltinCommand {

    public SaveCommand(ServerContext server) {
        super(server, complexity(spec("save", 1, "server", "1.0.0", "Synchronously save the dataset to disk", "",
                CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_ASYNC_LOADING, CommandFlag.NO_MULTI),
                "O(N) where N is the total number of keys in all databases"));
    }

    @Override
    public List<String> aclCategories() {
        return List.of();
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
