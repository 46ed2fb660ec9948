package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;
import io.pyredis.support.Keywords;

import java.util.List;
import java.util.Set;

/**
 * {@code SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |
 * PXAT unix-time-milliseconds | KEEPTTL]}
 */
public final class SetCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("set");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /**
     * Redis's setGetKeys: the key is read and written with GET (RW, access, update),
     * else only overwritten (OW, update).
     */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        for (int i = 3; i < args.length; i++) {
            if (Keywords.is(args[i], "get")) {
                return List.of(new KeyRef(1, Set.of(KeyFlag.RW, KeyFlag.ACCESS, KeyFlag.UPDATE)));
            }
        }
        return List.of(new KeyRef(1, Set.of(KeyFlag.OW, KeyFlag.UPDATE)));
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
