package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SMEMBERS key}
 */
public final class SMembersCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("smembers", 2, Specs.READONLY, KeySpec.FIRST, "1.0.0",
            "Get all the members in a set",
            "O(N) where N is the set cardinality.",
            "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOps.replySet(ctx.reply(), ctx.db().get(args[1], RedisSet.class));
    }
}
