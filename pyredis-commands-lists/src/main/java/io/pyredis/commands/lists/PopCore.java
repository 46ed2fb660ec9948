package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;

/** What the pops share: LPOP/RPOP with or without a count, and popping a run of elements as a reply. */
final class PopCore {

    private PopCore() {
    }

    /** {@code LPOP key [count]} / {@code RPOP key [count]}. */
    static void pop(CommandContext ctx, byte[][] args, boolean head, String name) {
        if (args.length > 3) {
            throw Errors.wrongArity(name);
        }
        boolean hasCount = args.length == 3;
        long count = 1;
        if (hasCount) {
            count = Numbers.parseLong(args[2], Errors.MUST_BE_POSITIVE);
            if (count < 0) {
                throw Errors.MUST_BE_POSITIVE;
            }
        }
        Database db = ctx.db();
        RedisList list = db.get(args[1], RedisList.class);
        if (list == null) {
            if (hasCount) {
                ctx.reply().nullArray();
            } else {
                ctx.reply().nullBulk();
            }
            return;
        }
        if (!hasCount) {
            ctx.reply().bulk(list.pop(head));
            changed(ctx, args[1], list, Events.pop(head));
            return;
        }
        if (count == 0) {
            ctx.reply().array(0);
            return;
        }
        popInto(ctx, args[1], list, head, count);
    }

    /**
     * Pops up to {@code count} elements as an array reply; deletes the emptied list, else
     * marks it modified. One {@code lpop}/{@code rpop} event however many were popped.
     *
     * @return how many were popped
     */
    static int popInto(CommandContext ctx, byte[] key, RedisList list, boolean head, long count) {
        Reply reply = ctx.reply();
        int n = (int) Math.min(count, list.size());
        reply.array(n);
        for (int i = 0; i < n; i++) {
            reply.bulk(list.pop(head));
        }
        changed(ctx, key, list, Events.pop(head));
        return n;
    }

    /**
     * After a change to the stored {@code list}: reports {@code event}; then, as Redis never
     * keeps an empty list, deletes an emptied one and reports its {@code del}, else marks
     * it modified.
     */
    static void changed(CommandContext ctx, byte[] key, RedisList list, String event) {
        Database db = ctx.db();
        if (list.size() == 0) {
            db.delete(key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, event, key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, key);
        } else {
            db.modified(key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, event, key);
        }
    }
}
