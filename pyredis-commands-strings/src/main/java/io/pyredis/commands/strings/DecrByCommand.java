package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;

/**
 * {@code DECRBY key decrement}
 */
public final class DecrByCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("decrby", 3, Specs.WRITE_DENYOOM_FAST, "1.0.0",
            "Decrement the integer value of a key by the given number", "key decrement");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long decrement = Numbers.parseLong(args[2]);
        if (decrement == Long.MIN_VALUE) {
            throw Errors.DECREMENT_OVERFLOW; // its negation does not exist
        }
        IncrDecrCore.incrBy(ctx, args[1], -decrement);
    }
}
