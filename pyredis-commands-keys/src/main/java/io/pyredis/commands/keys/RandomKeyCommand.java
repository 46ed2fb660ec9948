package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code RANDOMKEY}
 */
public final class RandomKeyCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("randomkey", 1, Specs.READONLY, KeySpec.NONE, "1.0.0",
            "Return a random key from the keyspace", "O(1)", "");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        byte[] key = ctx.db().randomKey();
        if (key == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(key);
        }
    }
}
