package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;
import io.pyredis.api.Reply;
import io.pyredis.support.ScanArgs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SSCAN key cursor [MATCH pattern] [COUNT count]}
 *
 * <p>An intset or listpack set comes back whole with cursor 0, as in Redis; a hashtable
 * one a few buckets at a time.
 */
public final class SScanCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("sscan");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long cursor = ScanArgs.parseCursor(args[2]);
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        Reply reply = ctx.reply();
        if (set == null) {
            reply.array(2);
            reply.bulk("0");
            reply.array(0);
            return;
        }
        ScanArgs scan = ScanArgs.parseOptions(args, 3, false);
        List<byte[]> out = new ArrayList<>();
        long next = set.scan(cursor, scan.entriesPerStep(1), m -> {
            if (scan.matches(m)) {
                out.add(m);
            }
        });
        reply.array(2);
        reply.bulk(Long.toUnsignedString(next));
        reply.array(out.size());
        for (byte[] m : out) {
            reply.bulk(m);
        }
    }
}
