package io.pyredis.example.ring;

import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;
import java.util.List;

/** {@code RING.LEN key}: the number of elements in the ring buffer at {@code key}, 0 when missing. */
final class RingLenCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("ring.len", 2,
            EnumSet.of(CommandFlag.READONLY, CommandFlag.FAST),
            List.of(KeySpec.single(1, KeyFlag.RO)),
            new CommandDoc("Returns the number of elements in a ring buffer.", "0.1.0", "module", "O(1)",
                    List.of(Argument.key("key", 0))));

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
