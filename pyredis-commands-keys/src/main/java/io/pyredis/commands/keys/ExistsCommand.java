package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeySpec;

/**
 * {@code EXISTS key [key ...]}
 *
 * <p>A key named more than once is counted each time, as in Redis.
 */
public final class ExistsCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("exists", -2, Specs.READONLY_FAST, KeySpec.ALL, "1.0.0",
            "Determine if a key exists", "O(N) where N is the number of keys to check.", "key [key ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        long n = 0;
        for (int i = 1; i < args.length; i++) {
            if (db.exists(args[i])) {
                n++;
            }
        }
        ctx.reply().integer(n);
    }
}
