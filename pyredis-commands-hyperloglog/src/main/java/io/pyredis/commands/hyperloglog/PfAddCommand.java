package io.pyredis.commands.hyperloglog;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;

/**
 * {@code PFADD key [element [element ...]]}
 *
 * <p>1 when the key was created or a register changed, else 0. Without elements it only
 * creates the key.
 */
public final class PfAddCommand implements Command {

    private static final CommandSpec SPEC = HyperLogLogPack.METADATA.spec("pfadd");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] key = args[1];
        byte[] stored = Values.hllBytes(db.get(key));
        Hll h = stored == null ? Hll.create() : Hll.wrap(stored);
        long sparseMax = Values.sparseMaxBytes(ctx);
        boolean updated = stored == null;
        for (int j = 2; j < args.length; j++) {
            int r = h.add(args[j], sparseMax);
            if (r < 0) {
                throw Errors.INVALID_HLL;
            }
            updated |= r == 1;
        }
        if (updated) {
            h.invalidateCache();
            Values.store(db, key, h, stored != null);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, "pfadd", key);
        }
        ctx.reply().integer(updated ? 1 : 0);
    }
}
