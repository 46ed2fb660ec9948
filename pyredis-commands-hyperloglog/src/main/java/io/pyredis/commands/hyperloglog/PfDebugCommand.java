package io.pyredis.commands.hyperloglog;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code PFDEBUG subcommand key}: {@code GETREG} (the 16384 registers, turning a sparse
 * value dense), {@code DECODE} (a sparse value's opcodes), {@code ENCODING},
 * {@code TODENSE} (1 when it converted). The key is checked before the subcommand, as
 * in Redis.
 */
public final class PfDebugCommand implements Command {

    private static final CommandSpec SPEC = HyperLogLogPack.METADATA.spec("pfdebug");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] key = args[2];
        byte[] stored = Values.hllBytes(db.get(key));
        if (stored == null) {
            throw Errors.NO_SUCH_KEY;
        }
        Hll h = Hll.wrap(stored);
        String sub = new String(args[1], StandardCharsets.UTF_8);
        Reply reply = ctx.reply();
        switch (sub.toLowerCase(Locale.ROOT)) {
            case "getreg" -> {
                convert(db, key, h);
                reply.array(Hll.REGISTERS);
                for (int j = 0; j < Hll.REGISTERS; j++) {
                    reply.integer(h.register(j));
                }
            }
            case "decode" -> {
                if (h.encoding() != Hll.SPARSE) {
                    throw Errors.NOT_SPARSE;
                }
                reply.bulk(h.decode());
            }
            case "encoding" -> reply.simple(h.encoding() == Hll.DENSE ? "dense" : "sparse");
            case "todense" -> reply.integer(convert(db, key, h) ? 1 : 0);
            default -> throw Errors.unknownDebugSubcommand(sub);
        }
    }

    /** Turns a sparse value dense and stores it (Redis forces its propagation); whether it was sparse. */
    private static boolean convert(Database db, byte[] key, Hll h) {
        if (h.encoding() == Hll.DENSE) {
            return false;
        }
        if (!h.toDense()) {
            throw Errors.INVALID_HLL;
        }
        Values.store(db, key, h, true);
        return true;
    }
}
