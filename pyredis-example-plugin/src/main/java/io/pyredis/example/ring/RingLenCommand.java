package io.pyredis.example.ring;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;

/** {@code RING.LEN key}: the number of elements in the ring buffer at {@code key}, 0 when missing. */
final class RingLenCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec(
            "ring.len", 2,
            EnumSet.of(CommandFlag.READONLY, CommandFlag.FAST, CommandFlag.MODULE),
            KeySpec.FIRST, "module", "0.1.0",
            "Returns the number of elements in a ring buffer.",
            "O(1)",
            "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Ring ring = ctx.db().get(args[1], Ring.class);
        ctx.reply().integer(ring == null ? 0 : ring.size());
    }
}
