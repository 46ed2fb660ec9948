package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SUNIONSTORE destination key [key ...]}
 */
public final class SUnionStoreCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("sunionstore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet[] sets = SetOps.lookup(ctx.db(), args, 2, args.length);
        SetOps.store(ctx, args[1], SetOps.union(ctx.db(), sets), Events.SUNIONSTORE);
    }
}
