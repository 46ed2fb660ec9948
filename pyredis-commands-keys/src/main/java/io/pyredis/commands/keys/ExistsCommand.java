package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;

/**
 * {@code EXISTS key [key ...]}
 *
 * <p>A key named more than once is counted each time, as in Redis.
 */
public final class ExistsCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("exists");

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
