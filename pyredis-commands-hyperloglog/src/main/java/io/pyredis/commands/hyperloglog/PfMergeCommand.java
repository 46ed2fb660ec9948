package io.pyredis.commands.hyperloglog;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;

/**
 * {@code PFMERGE destkey sourcekey [sourcekey ...]}
 *
 * <p>The destination (itself one of the sources) gets the register-wise maximum, set
 * register by register into its own representation as Redis does, so a sparse
 * destination stays sparse while it can; dense when any source is dense. Reported as a
 * {@code pfadd} event, as Redis does.
 */
public final class PfMergeCommand implements Command {

    private static final CommandSpec SPEC = HyperLogLogPack.METADATA.spec("pfmerge");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] max = new byte[Hll.REGISTERS];
        boolean useDense = false;
        for (int j = 1; j < args.length; j++) {
            byte[] b = Values.hllBytes(db.read(args[j]));
            if (b == null) {
                continue;
            }
            useDense |= b[4] == Hll.DENSE;
            if (!Hll.mergeInto(b, max)) {
                throw Errors.INVALID_HLL;
            }
        }
        byte[] key = args[1];
        // Checked as a source above: an HLL or no key.
        byte[] stored = Values.hllBytes(db.get(key));
        Hll h = stored == null ? Hll.create() : Hll.wrap(stored);
        if (useDense && !h.toDense()) {
            throw Errors.INVALID_HLL;
        }
        long sparseMax = Values.sparseMaxBytes(ctx);
        for (int j = 0; j < Hll.REGISTERS; j++) {
            if (max[j] != 0) {
                // As Redis, a corrupt destination's error is not looked at here.
                h.set(j, max[j], sparseMax);
            }
        }
        h.invalidateCache();
        Values.store(db, key, h, stored != null);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, "pfadd", key);
        ctx.reply().ok();
    }
}
