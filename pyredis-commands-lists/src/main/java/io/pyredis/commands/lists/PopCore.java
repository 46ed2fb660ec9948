package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;
import io.pyredis.support.Aggregates;

/** What the pops and moves share: popping a run of elements as a reply, and what a change to a list reports. */
final class PopCore {

    private PopCore() {
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
        Aggregates.removed(ctx, key, list.size() == 0, KeyspaceEvent.LIST, event);
    }
}
