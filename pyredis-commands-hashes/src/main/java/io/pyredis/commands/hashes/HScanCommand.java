package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;
import io.pyredis.api.Reply;
import io.pyredis.support.ScanArgs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code HSCAN key cursor [MATCH pattern] [COUNT count]}
 *
 * <p>A listpack hash comes back whole with cursor 0, as in Redis; a hashtable one a few
 * buckets at a time. MATCH filters on the field and drops its value with it.
 */
public final class HScanCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hscan");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long cursor = ScanArgs.parseCursor(args[2]);
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        Reply reply = ctx.reply();
        if (h == null) {
            reply.array(2);
            reply.bulk("0");
            reply.array(0);
            return;
        }
        ScanArgs scan = ScanArgs.parseOptions(args, 3, false);
        List<byte[]> out = new ArrayList<>();
        long next = h.scan(cursor, scan.entriesPerStep(2), (f, v) -> {
            if (scan.matches(f)) {
                out.add(f);
                out.add(v);
            }
        });
        reply.array(2);
        reply.bulk(Long.toUnsignedString(next));
        reply.array(out.size());
        for (byte[] b : out) {
            reply.bulk(b);
        }
    }
}
