package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code UNLINK key [key ...]}
 *
 * <p>DEL's twin: Redis frees big values in a background thread; here the JVM's collector
 * already does, so it deletes exactly as DEL.
 */
public final class UnlinkCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("unlink", -2, Specs.WRITE_FAST, KeySpec.ALL, "4.0.0",
            "Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.",
            "O(1) for each key removed regardless of its size. Then the command does O(N) work in a different"
                    + " thread in order to reclaim memory, where N is the number of allocations the deleted objects"
                    + " where composed of.",
            "key [key ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().integer(DelCommand.deleteAll(ctx, args));
    }
}
