package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.Numbers;
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
            deleteIfEmpty(db, args[1], list);
            return;
        }
        if (count == 0) {
            ctx.reply().array(0);
            return;
        }
        popInto(ctx.reply(), db, args[1], list, head, count);
    }

    /** Pops up to {@code count} elements as an array reply; deletes the emptied list, else marks it modified. */
    static void popInto(Reply reply, Database db, byte[] key, RedisList list, boolean head, long count) {
        int n = (int) Math.min(count, list.size());
        reply.array(n);
        for (int i = 0; i < n; i++) {
            reply.bulk(list.pop(head));
        }
        deleteIfEmpty(db, key, list);
    }

    /** Redis never keeps an empty list; a list that still has elements was changed in place. */
    static void deleteIfEmpty(Database db, byte[] key, RedisList list) {
        if (list.size() == 0) {
            db.delete(key);
        } else {
            db.modified(key);
        }
    }
}
