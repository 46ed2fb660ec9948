package io.pyredis.commands.lists;

import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;

import java.util.Arrays;

/**
 * {@code LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]}
 */
public final class LPosCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lpos");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        for (int j = 3; j < args.length; j++) {
            boolean moreArgs = j + 1 < args.length;
            if (Keywords.is(args[j], "rank") && moreArgs) {
                rank = Numbers.parseLong(args[++j]);
                if (rank == 0) {
                    throw Errors.RANK_ZERO;
                }
            } else if (Keywords.is(args[j], "count") && moreArgs) {
                count = Numbers.parseLong(args[++j]);
                if (count < 0) {
                    throw Errors.COUNT_NEGATIVE;
                }
            } else if (Keywords.is(args[j], "maxlen") && moreArgs) {
                maxlen = Numbers.parseLong(args[++j]);
                if (maxlen < 0) {
                    throw Errors.MAXLEN_NEGATIVE;
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
        RedisList list = ctx.db().get(args[1], RedisList.class);
        Reply reply = ctx.reply();
        if (list == null) {
            if (count != -1) {
                reply.array(0);
            } else {
                reply.nullBulk();
            }
            return;
        }
        boolean fromTail = rank < 0;
        // Redis 7.0 negates LLONG_MIN into itself and so takes the first match from the tail.
        long skip = (rank == Long.MIN_VALUE ? 1 : Math.abs(rank)) - 1;
        int size = list.size();
        long scan = maxlen == 0 ? size : Math.min(maxlen, size);
        // Matches are at most the elements scanned: the buffer never outgrows the list.
        long want = count == -1 ? 1 : count == 0 ? scan : Math.min(count, scan);
        int[] found = new int[(int) Math.min(want, 16)];
        int n = 0;
        byte[] element = args[2];
        for (int k = 0; k < scan && n < want; k++) {
            int i = fromTail ? size - 1 - k : k;
            if (Arrays.equals(list.get(i), element)) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, (int) Math.min(want, found.length * 2L));
                }
                found[n++] = i;
            }
        }
        if (count == -1) {
            if (n == 0) {
                reply.nullBulk();
            } else {
                reply.integer(found[0]);
            }
            return;
        }
        reply.array(n);
        for (int i = 0; i < n; i++) {
            reply.integer(found[i]);
        }
    }
}
