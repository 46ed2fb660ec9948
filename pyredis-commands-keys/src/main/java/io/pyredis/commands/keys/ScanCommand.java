package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.support.Glob;
import io.pyredis.api.RedisValue;
import io.pyredis.support.ScanArgs;
import io.pyredis.support.ScanGenericCommand;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]}
 *
 * <p>The cursor is {@link Database#scan}'s, which keeps Redis's guarantee (every key
 * present for the whole iteration is returned at least once); MATCH and TYPE filter what
 * one step found, so a step may return fewer keys than COUNT, or none, as in Redis.
 */
public final class ScanCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("scan");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long cursor = parseCursor(args[1]);
        ScanArgs scan = ScanArgs.parseOptions(args, 2, true);
        long count = scan.count();
        byte[] pattern = scan.pattern();
        byte[] type = scan.type();
        Database db = ctx.db();
        List<byte[]> keys = new ArrayList<>();
        long next = db.scan(cursor, (int) Math.min(count, Integer.MAX_VALUE), keys::add);
        if (pattern != null || type != null) {
            String typeName = type == null ? null : new String(type, StandardCharsets.ISO_8859_1);
            int kept = 0;
            for (byte[] k : keys) {
                if (pattern != null && !Glob.matches(pattern, k)) {
                    continue;
                }
                if (typeName != null) {
                    RedisValue v = db.peek(k);
                    if (v == null || !v.type().name().equalsIgnoreCase(typeName)) {
                        continue;
                    }
                }
                keys.set(kept++, k);
            }
            keys.subList(kept, keys.size()).clear();
        }
        ScanGenericCommand.reply(ctx.reply(), next, keys);
    }

    /** Redis 7.0's parseScanCursorOrReply: see {@link ScanArgs#parseCursor}. */
    static long parseCursor(byte[] a) {
        return ScanArgs.parseCursor(a);
    }
}
