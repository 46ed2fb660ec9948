package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

import java.util.Arrays;

/**
 * BLPOP and BRPOP ({@code key [key ...] timeout}), as Redis's blockingPopGenericCommand;
 * propagated as LPOP / RPOP of the key served.
 */
abstract class BlockingPopGenericCommand extends GenericCommand implements BlockingCommand {

    private final boolean head;

    /** @param head whether to pop from the head (L) or the tail (R) */
    BlockingPopGenericCommand(String name, boolean head) {
        super(ListsPack.METADATA.spec(name));
        this.head = head;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long timeout = Args.timeoutMillis(args[args.length - 1]);
        Database db = ctx.db();
        for (int i = 1; i < args.length - 1; i++) {
            RedisList list = db.get(args[i], RedisList.class);
            if (list != null && list.size() > 0) {
                Reply reply = ctx.reply();
                reply.array(2);
                reply.bulk(args[i]);
                reply.bulk(list.pop(head));
                PopCore.changed(ctx, args[i], list, Events.pop(head));
                ctx.propagate(Propagation.pop(head), args[i]);
                return;
            }
        }
        if (!ctx.block(Arrays.copyOfRange(args, 1, args.length - 1), timeout)) {
            ctx.reply().nullArray();
        }
    }
}
