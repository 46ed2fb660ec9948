package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.api.Reply;
import io.pyredis.support.Sampling;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code SRANDMEMBER key [count]}
 *
 * <p>A positive count gives distinct members (the whole set when it has no more), a
 * negative one allows repeats. As Redis 7.0.15, {@code -9223372036854775808} is refused
 * (its magnitude has no long); a reply with repeats is further limited to
 * {@link Sampling#MAX_REPEATED} elements, where Redis would exhaust its memory.
 */
public final class SRandMemberCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("srandmember");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        Reply reply = ctx.reply();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (args.length == 2) {
            RedisSet set = ctx.db().get(args[1], RedisSet.class);
            if (set == null) {
                reply.nullBulk();
            } else {
                reply.bulk(set.memberAt(r.nextInt(set.size())));
            }
            return;
        }
        long l = Numbers.parseLong(args[2]);
        if (l == Long.MIN_VALUE) {
            throw Errors.COUNT_OUT_OF_RANGE;
        }
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        if (set == null || l == 0) {
            reply.array(0);
            return;
        }
        int size = set.size();
        if (l < 0) {
            long count = -l;
            if (count > Sampling.MAX_REPEATED) {
                throw Errors.OUT_OF_RANGE;
            }
            reply.array((int) count);
            for (long i = 0; i < count; i++) {
                reply.bulk(set.memberAt(r.nextInt(size)));
            }
            return;
        }
        if (l >= size) {
            reply.array(size);
            for (int i = 0; i < size; i++) {
                reply.bulk(set.memberAt(i));
            }
            return;
        }
        int[] picks = Sampling.distinct(size, (int) l);
        reply.array(picks.length);
        for (int p : picks) {
            reply.bulk(set.memberAt(p));
        }
    }
}
