package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;

/**
 * {@code MGET key [key ...]}
 */
public final class MGetCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("mget");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        Reply reply = ctx.reply();
        reply.array(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            RedisValue v = db.get(args[i]);
            // A key of another type is a null, not an error, as in Redis.
            if (v instanceof RedisString s) {
                reply.bulk(s.array(), 0, s.length());
            } else {
                reply.nullBulk();
            }
        }
    }
}
