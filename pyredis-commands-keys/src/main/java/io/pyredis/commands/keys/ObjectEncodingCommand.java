package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisValue;

/**
 * {@code OBJECT ENCODING key}
 */
public final class ObjectEncodingCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|encoding");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisValue v = ctx.db().inspect(args[2]);
        if (v == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(v.encoding());
        }
    }
}
