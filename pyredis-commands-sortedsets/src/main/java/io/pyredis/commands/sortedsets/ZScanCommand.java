package io.pyredis.commands.sortedsets;

import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.Numbers;
import io.pyredis.support.ScanArgs;
import io.pyredis.support.ScanGenericCommand;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code ZSCAN key cursor [MATCH pattern] [COUNT count]}
 *
 * <p>A {@code listpack} set is returned whole with cursor 0, as Redis does. A
 * {@code skiplist} set is walked in score order: the cursor is the score to resume from
 * (its bits made unsigned-sortable by {@link ZScanCore}, never 0), and a step always
 * finishes the run of equal scores it is in. So every member present for the whole
 * iteration, whose score does not change, is returned exactly once; COUNT is a hint, as in
 * Redis.
 */
public final class ZScanCommand extends ScanGenericCommand<RedisSortedSet> {

    public ZScanCommand() {
        super(SortedSetsPack.METADATA.spec("zscan"), RedisSortedSet.class);
    }

    @Override
    protected long step(RedisSortedSet z, long cursor, ScanArgs scan, List<byte[]> out) {
        int size = z.size();
        long from;
        long to;
        long next;
        if ("listpack".equals(z.encoding())) {
            from = 0;
            to = size;
            next = 0;
        } else {
            from = cursor == 0 ? 0 : z.rankOfScore(ZScanCore.decode(cursor), false);
            to = Math.min(size, from + scan.count());
            if (to > from) {
                double last = z.scoreAt(to - 1);
                to = z.rankOfScore(last, true);
            }
            next = to >= size ? 0 : ZScanCore.encode(z.scoreAt(to));
        }
        for (long rank = from; rank < to; rank++) {
            byte[] member = z.memberAt(rank);
            if (scan.matches(member)) {
                out.add(member);
                out.add(Numbers.formatDouble(z.scoreAt(rank)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return next;
    }
}
