package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisString;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

/** GETRANGE and SUBSTR ({@code key start end}), both Redis's {@code getrangeCommand}. */
abstract class GetRangeGenericCommand extends GenericCommand {

    private static final byte[] EMPTY = new byte[0];

    GetRangeGenericCommand(String name) {
        super(StringsPack.METADATA.spec(name));
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long start = Numbers.parseLong(args[2]);
        long end = Numbers.parseLong(args[3]);
        RedisString s = ctx.db().get(args[1], RedisString.class);
        Reply reply = ctx.reply();
        if (s == null) {
            reply.bulk(EMPTY);
            return;
        }
        byte[] b = s.array();
        long len = s.length();
        // Redis 7.0's index rules, including its quirk that a range wholly before the
        // start (GETRANGE k -100 -50) is clamped to the first byte rather than empty.
        if (start < 0 && end < 0 && start > end) {
            reply.bulk(EMPTY);
            return;
        }
        if (start < 0) {
            start = len + start;
        }
        if (end < 0) {
            end = len + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= len) {
            end = len - 1;
        }
        if (start > end || len == 0) {
            reply.bulk(EMPTY);
        } else {
            reply.bulk(b, (int) start, (int) (end - start + 1));
        }
    }
}
