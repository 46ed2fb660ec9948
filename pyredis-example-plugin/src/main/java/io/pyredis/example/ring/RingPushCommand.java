package io.pyredis.example.ring;

import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.example.args.Integers;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code RING.PUSH key capacity element [element ...]}: appends the elements to the ring
 * buffer at {@code key} (created with {@code capacity} when missing), dropping the oldest
 * ones beyond {@code capacity}; a different {@code capacity} resizes the ring. Replies
 * the number of elements in the ring.
 */
final class RingPushCommand implements Command {

    static final RedisError NOT_POSITIVE = new RedisError("ERR value is out of range, must be positive");

    private static final CommandSpec SPEC = new CommandSpec("ring.push", -4,
            EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM),
            List.of(KeySpec.single(1, KeyFlag.RW, KeyFlag.INSERT)),
            new CommandDoc("Appends elements to a ring buffer that keeps the last capacity of them.", "0.1.0",
                    "module", "O(N) where N is the number of elements pushed", List.of(
                            Argument.key("key", 0),
                            Argument.of("capacity", Argument.Type.INTEGER),
                            Argument.of("element", Argument.Type.STRING).with(Argument.Flag.MULTIPLE))));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        byte[] key = args[1];
        long capacity = Integers.parse(args[2]);
        if (capacity < 1 || capacity > Ring.MAX_CAPACITY) {
            throw NOT_POSITIVE;
        }
        Ring ring = ctx.db().get(key, Ring.class);
        boolean created = ring == null;
        if (created) {
            ring = new Ring(capacity);
        } else if (ring.capacity() != capacity) {
            ring.capacity(capacity);
        }
        for (int i = 3; i < args.length; i++) {
            ring.push(args[i]);
        }
        if (created) {
            ctx.db().set(key, ring);
        } else {
            ctx.db().modified(key);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.MODULE, "ring.push", key);
        ctx.reply().integer(ring.size());
    }
}
