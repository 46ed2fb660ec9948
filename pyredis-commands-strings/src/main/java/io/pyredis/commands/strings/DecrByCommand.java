package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;

/**
 * {@code DECRBY key decrement}
 */
public final class DecrByCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("decrby");

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
