package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisValue;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.support.NumkeysGenericCommand;

import java.util.Arrays;
import java.util.Comparator;

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, as Redis's
 * zunionInterDiffGenericCommand: inputs may be sorted sets or plain sets (every member
 * scoring 1), missing keys are empty.
 */
abstract class ZSetOpGenericCommand extends NumkeysGenericCommand {

    enum Op { UNION, INTER, DIFF }

    private static final int SUM = 0;
    private static final int MIN = 1;
    private static final int MAX = 2;

    private final Op op;
    private final boolean store;
    private final boolean cardOnly;

    /**
     * @param store    a STORE form: {@code destination numkeys key [key ...]}
     * @param cardOnly ZINTERCARD
     */
    ZSetOpGenericCommand(String name, Op op, boolean store, boolean cardOnly) {
        super(SortedSetsPack.METADATA.spec(name), store ? 1 : 0, store ? 2 : 1);
        this.op = op;
        this.store = store;
        this.cardOnly = cardOnly;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        run(ctx, args, store ? args[1] : null, numkeysIndex());
    }

    /** One input: a sorted set, a set, or nothing. */
    private static final class Src {
        final RedisSortedSet zset;
        final RedisSet set;
        double weight = 1;

        Src(RedisValue v) {
            this.zset = v instanceof RedisSortedSet z ? z : null;
            this.set = v instanceof RedisSet s ? s : null;
        }

        int size() {
            return zset != null ? zset.size() : set != null ? set.size() : 0;
        }

        /** The score of {@code member} here, NaN when absent. */
        double score(byte[] member) {
            if (zset != null) {
                return zset.score(member);
            }
            return set != null && set.contains(member) ? 1.0 : Double.NaN;
        }

        void forEach(ScoredConsumer c) {
            if (zset != null) {
                int n = zset.size();
                for (int i = 0; i < n; i++) {
                    c.accept(zset.memberAt(i), zset.scoreAt(i));
                }
            } else if (set != null) {
                set.forEach(m -> c.accept(m, 1.0));
            }
        }
    }

    @FunctionalInterface
    private interface ScoredConsumer {
        void accept(byte[] member, double score);
    }

    /**
     * @param dst         the destination key of a STORE form, else null
     * @param numkeysIdx  where numkeys is
     */
    private void run(CommandContext ctx, byte[][] args, byte[] dst, int numkeysIdx) {
        String name = new String(args[0], java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        long setnum = Numbers.parseLong(args[numkeysIdx]);
        if (setnum < 1) {
            throw Errors.needsInputKey(name);
        }
        if (setnum > args.length - numkeysIdx - 1) {
            throw RedisError.SYNTAX;
        }
        Database db = ctx.db();
        int n = (int) setnum;
        Src[] src = new Src[n];
        int j = numkeysIdx + 1;
        for (int i = 0; i < n; i++, j++) {
            RedisValue v = db.read(args[j]);
            if (v != null && !(v instanceof RedisSortedSet) && !(v instanceof RedisSet)) {
                throw RedisError.WRONGTYPE;
            }
            src[i] = new Src(v);
        }
        int aggregate = SUM;
        boolean withScores = false;
        long limit = 0;
        int remaining = args.length - j;
        while (remaining > 0) {
            if (cardOnly) {
                if (remaining >= 2 && Keywords.is(args[j], "LIMIT")) {
                    j++;
                    remaining--;
                    limit = Numbers.parseLong(args[j], Errors.LIMIT_NEGATIVE);
                    if (limit < 0) {
                        throw Errors.LIMIT_NEGATIVE;
                    }
                } else {
                    throw RedisError.SYNTAX;
                }
            } else if (op != Op.DIFF && remaining >= n + 1 && Keywords.is(args[j], "WEIGHTS")) {
                j++;
                remaining--;
                for (int i = 0; i < n; i++, j++, remaining--) {
                    src[i].weight = Numbers.parseDouble(args[j], Errors.WEIGHT);
                }
                continue;
            } else if (op != Op.DIFF && remaining >= 2 && Keywords.is(args[j], "AGGREGATE")) {
                j++;
                remaining--;
                if (Keywords.is(args[j], "SUM")) {
                    aggregate = SUM;
                } else if (Keywords.is(args[j], "MIN")) {
                    aggregate = MIN;
                } else if (Keywords.is(args[j], "MAX")) {
                    aggregate = MAX;
                } else {
                    throw RedisError.SYNTAX;
                }
            } else if (dst == null && !cardOnly && Keywords.is(args[j], "WITHSCORES")) {
                withScores = true;
            } else {
                throw RedisError.SYNTAX;
            }
            j++;
            remaining--;
        }
        if (op != Op.DIFF) {
            // Smallest first, as Redis sorts its inputs (a stable sort: Redis's qsort may
            // order equal sizes differently, which only matters to SUM's rounding).
            Arrays.sort(src, Comparator.comparingInt(Src::size));
        }
        RedisSortedSet out = db.createSortedSet();
        final int agg = aggregate;
        if (op == Op.INTER) {
            if (src[0].size() > 0) {
                long[] card = {0};
                final long lim = limit;
                try {
                    src[0].forEach((member, s0) -> {
                        double score = src[0].weight * s0;
                        if (Double.isNaN(score)) {
                            score = 0;
                        }
                        for (int k = 1; k < src.length; k++) {
                            double v = src[k].score(member);
                            if (Double.isNaN(v)) {
                                return;
                            }
                            score = aggregate(score, v * src[k].weight, agg);
                        }
                        if (cardOnly) {
                            card[0]++;
                            if (lim > 0 && card[0] >= lim) {
                                throw Stop.INSTANCE;
                            }
                        } else {
                            out.put(member, score);
                        }
                    });
                } catch (Stop stop) {
                    // ZINTERCARD reached its LIMIT
                }
                if (cardOnly) {
                    ctx.reply().integer(card[0]);
                    return;
                }
            } else if (cardOnly) {
                ctx.reply().integer(0);
                return;
            }
        } else if (op == Op.UNION) {
            for (Src s : src) {
                s.forEach((member, v) -> {
                    double score = s.weight * v;
                    if (Double.isNaN(score)) {
                        score = 0;
                    }
                    double cur = out.score(member);
                    out.put(member, Double.isNaN(cur) ? score : aggregate(cur, score, agg));
                });
            }
        } else {
            src[0].forEach((member, v) -> {
                for (int k = 1; k < src.length; k++) {
                    if (!Double.isNaN(src[k].score(member))) {
                        return;
                    }
                }
                out.put(member, v);
            });
        }
        if (dst != null) {
            String event = switch (op) {
                case UNION -> Events.ZUNIONSTORE;
                case INTER -> Events.ZINTERSTORE;
                case DIFF -> Events.ZDIFFSTORE;
            };
            ZSets.store(ctx, dst, out, event);
            ctx.reply().integer(out.size());
        } else if (out.size() == 0) {
            ctx.reply().array(0);
        } else {
            ZSets.replyRanks(ctx.reply(), out, 0, out.size() - 1, withScores);
        }
    }

    /** zunionInterAggregate: SUM of +inf and -inf is 0, not NaN. */
    private static double aggregate(double target, double val, int aggregate) {
        switch (aggregate) {
            case SUM -> {
                double r = target + val;
                return Double.isNaN(r) ? 0.0 : r;
            }
            case MIN -> {
                return val < target ? val : target;
            }
            default -> {
                return val > target ? val : target;
            }
        }
    }

    /** Ends a member walk early. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
