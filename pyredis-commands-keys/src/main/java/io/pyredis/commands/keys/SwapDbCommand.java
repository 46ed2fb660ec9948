package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;

/**
 * {@code SWAPDB index1 index2}
 */
public final class SwapDbCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("swapdb");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        int a = Errors.parseInt(args[1], Errors.INVALID_FIRST_DB);
        int b = Errors.parseInt(args[2], Errors.INVALID_SECOND_DB);
        int n = ctx.databases();
        if (a < 0 || a >= n || b < 0 || b >= n) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        ctx.swapDatabases(a, b);
        // Recorded even when it changes nothing (a database with itself, two empty ones), as Redis does.
        ctx.propagate(args);
        ctx.reply().ok();
    }
}
