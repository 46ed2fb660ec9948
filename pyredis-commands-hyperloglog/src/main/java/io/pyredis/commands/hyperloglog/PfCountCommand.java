package io.pyredis.commands.hyperloglog;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;

/**
 * {@code PFCOUNT key [key ...]}
 *
 * <p>One key: the cached cardinality, or a fresh estimate that is then cached in the
 * value, which is a change to the key (Redis signals it and propagates the PFCOUNT, though
 * the command is flagged read-only). Several keys: the estimate of their union, merged in
 * a scratch array; no key changes.
 */
public final class PfCountCommand implements Command {

    private static final CommandSpec SPEC = HyperLogLogPack.METADATA.spec("pfcount");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        if (args.length > 2) {
            byte[] max = new byte[Hll.REGISTERS];
            for (int j = 1; j < args.length; j++) {
                byte[] b = Values.hllBytes(db.get(args[j]));
                if (b != null && !Hll.mergeInto(b, max)) {
                    throw Errors.INVALID_HLL;
                }
            }
            ctx.reply().integer(Hll.countRaw(max));
            return;
        }
        byte[] key = args[1];
        byte[] stored = Values.hllBytes(db.get(key));
        if (stored == null) {
            ctx.reply().integer(0);
            return;
        }
        Hll h = Hll.wrap(stored);
        if (h.cacheValid()) {
            ctx.reply().integer(h.cachedCardinality());
            return;
        }
        long card = h.count();
        if (card < 0) {
            throw Errors.INVALID_HLL;
        }
        h.setCachedCardinality(card);
        Values.store(db, key, h, true);
        ctx.reply().integer(card);
    }
}
