package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.exec.CallContext;

import java.util.List;

/** {@code DBSIZE} */
public final class DbsizeCommand extends BuiltinCommand {

    public DbsizeCommand(ServerContext server) {
        super(server, spec("dbsize", 1, "server", "1.0.0", "Return the number of keys in the selected database", "",
                CommandFlag.READONLY, CommandFlag.FAST));
    }

    @Override
    public List<String> aclCategories() {
        return List.of("keyspace");
    }

    @Override
    public List<String> tips() {
        return List.of("request_policy:all_shards", "response_policy:agg_sum");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().integer(c.db().size());
    }
}
