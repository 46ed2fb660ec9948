package io.pyredis.example.ring;

import io.pyredis.api.Argument;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.Reply;
import io.pyredis.example.args.Integers;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;

/**
 * {@code RING.RANGE key [count]}: the elements of the ring buffer at {@code key}, oldest
 * first; with {@code count}, only the newest {@code count} of them. A missing key is an
 * empty ring.
 */
final class RingRangeCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("ring.range", -2,
            EnumSet.of(CommandFlag.READONLY),
            List.of(KeySpec.single(1, KeyFlag.RO, KeyFlag.ACCESS)),
            new CommandDoc("Returns the elements of a ring buffer, oldest first.", "0.1.0", "module",
                    "O(N) where N is the number of elements returned", List.of(
                            Argument.key("key", 0),
                            Argument.of("count", Argument.Type.INTEGER).with(Argument.Flag.OPTIONAL))));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        long count = Long.MAX_VALUE;
        if (args.length == 3) {
            count = Integers.parse(args[2]);
            if (count < 0) {
                throw new RedisError("ERR value is out of range, must be positive");
            }
        }
        Ring ring = ctx.db().get(args[1], Ring.class);
        Reply reply = ctx.reply();
        if (ring == null) {
            reply.array(0);
            return;
        }
        int n = (int) Math.min(count, ring.size());
        reply.array(n);
        Iterator<byte[]> it = ring.iterator();
        for (int skip = ring.size() - n; skip > 0; skip--) {
            it.next();
        }
        while (it.hasNext()) {
            reply.bulk(it.next());
        }
    }
}
