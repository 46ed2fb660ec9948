package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SINTERSTORE destination key [key ...]}
 */
public final class SInterStoreCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("sinterstore", -3, Specs.WRITE_DENYOOM, Specs.STORE_KEYS, "1.0.0",
            "Intersect multiple sets and store the resulting set in a key",
            "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.",
            "destination key [key ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet[] sets = SetOps.lookup(ctx.db(), args, 2, args.length);
        SetOps.store(ctx, args[1], SetOps.inter(ctx.db(), sets), Events.SINTERSTORE);
    }
}
