package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;

/**
 * {@code SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |
 * PXAT unix-time-milliseconds | KEEPTTL]}
 */
public final class SetCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("set", -3, Specs.WRITE_DENYOOM, "1.0.0",
            "Set the string value of a key",
            "key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds"
                    + " | PXAT unix-time-milliseconds | KEEPTTL]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length == 3) {
            // The plain SET of every benchmark: no option parsing, one value object.
            ctx.db().set(args[1], RedisString.of(args[2]));
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SET, args[1]);
            ctx.reply().ok();
            return;
        }
        long parsed = SetCore.parseOptions(args, 3, true);
        int flags = (int) parsed;
        int expireIndex = (int) (parsed >>> 32);
        long deadline = expireIndex == 0 ? 0
                : SetCore.deadline(ctx, args[expireIndex], flags, SetCore.INVALID_EXPIRE_SET);
        SetCore.set(ctx, args, args[1], args[2], flags, deadline, SetCore.Replies.OK_OR_NULL);
    }
}
