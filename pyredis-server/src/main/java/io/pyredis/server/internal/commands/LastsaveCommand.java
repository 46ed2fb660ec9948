package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.core.exec.CallContext;

import java.util.List;

/** {@code LASTSAVE}: unix time of the last successful save. */
public final class LastsaveCommand extends BuiltinCommand {

    public LastsaveCommand(ServerContext server) {
        super(server, spec("lastsave", 1, "server", "1.0.0", "Get the UNIX time stamp of the last successful save to disk", "",
                CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST));
    }

    @Override
    public List<String> aclCategories() {
        return List.of("admin", "dangerous");
    }

    @Override
    public List<String> tips() {
        return List.of("nondeterministic_output");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        c.reply().integer(server.persistence().lastSaveSeconds());
    }
}
