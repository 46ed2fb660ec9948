package io.pyredis.commands.hashes;

import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;
import io.pyredis.api.Reply;
import io.pyredis.support.Sampling;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code HRANDFIELD key [count [WITHVALUES]]}
 *
 * <p>A positive count gives distinct fields (the whole hash when it has no more), a
 * negative one allows repeats. In RESP3, WITHVALUES pairs are two-element arrays; in
 * RESP2 the reply is flat. Counts are checked as Redis 7.0.15 does (LLONG_MIN refused,
 * and beyond ±LONG_MAX/2 with WITHVALUES); a reply with repeats is further limited to
 * {@link Sampling#MAX_REPEATED} elements, where Redis would exhaust its memory.
 */
public final class HRandFieldCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hrandfield");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Reply reply = ctx.reply();
        if (args.length == 2) {
            RedisHash h = ctx.db().get(args[1], RedisHash.class);
            if (h == null) {
                reply.nullBulk();
            } else {
                reply.bulk(h.fieldAt(ThreadLocalRandom.current().nextInt(h.size())));
            }
            return;
        }
        long l = Numbers.parseLong(args[2]);
        if (l == Long.MIN_VALUE) {
            throw Errors.COUNT_OUT_OF_RANGE;
        }
        boolean withValues = false;
        if (args.length > 4 || (args.length == 4 && !Keywords.is(args[3], "withvalues"))) {
            throw RedisError.SYNTAX;
        } else if (args.length == 4) {
            withValues = true;
            if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) {
                throw Errors.OUT_OF_RANGE;
            }
        }
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        if (h == null || l == 0) {
            reply.array(0);
            return;
        }
        int size = h.size();
        boolean pairs = withValues && reply.protocol() > 2;
        int perEntry = withValues && !pairs ? 2 : 1;
        if (l < 0 || l == 1) {
            long count = Math.abs(l);
            if (count > Sampling.MAX_REPEATED) {
                throw Errors.OUT_OF_RANGE;
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            reply.array((int) count * perEntry);
            for (long i = 0; i < count; i++) {
                entry(reply, h, r.nextInt(size), withValues, pairs);
            }
            return;
        }
        if (l >= size) {
            reply.array(size * perEntry);
            for (int i = 0; i < size; i++) {
                entry(reply, h, i, withValues, pairs);
            }
            return;
        }
        int[] picks = Sampling.distinct(size, (int) l);
        reply.array(picks.length * perEntry);
        for (int p : picks) {
            entry(reply, h, p, withValues, pairs);
        }
    }

    private static void entry(Reply reply, RedisHash h, int position, boolean withValues, boolean pairs) {
        if (pairs) {
            reply.array(2);
        }
        reply.bulk(h.fieldAt(position));
        if (withValues) {
            reply.bulk(h.valueAt(position));
        }
    }
}
