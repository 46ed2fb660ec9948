package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;

/**
 * {@code TOUCH key [key ...]}
 *
 * <p>Reads each key as a GET would (so its access time and frequency move), counting the
 * ones that exist, repeats included.
 */
public final class TouchCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("touch");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        long n = 0;
        for (int i = 1; i < args.length; i++) {
            if (db.get(args[i]) != null) {
                n++;
            }
        }
        ctx.reply().integer(n);
    }
}
