package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RANDOMKEY}
 */
public final class RandomKeyCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("randomkey");

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
