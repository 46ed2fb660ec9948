package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.IndexRange;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisList;

/**
 * {@code LTRIM key start stop}
 */
public final class LTrimCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("ltrim");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long start = Numbers.parseLong(args[2]);
        long end = Numbers.parseLong(args[3]);
        Database db = ctx.db();
        RedisList list = db.get(args[1], RedisList.class);
        if (list != null) {
            IndexRange range = IndexRange.of(start, end, list.size());
            if (range.isEmpty()) {
                db.delete(args[1]);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.LTRIM, args[1]);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[1]);
            } else {
                list.trim((int) range.first(), (int) range.last());
                db.modified(args[1]);
                // Reported even when nothing was trimmed away, as Redis does.
                ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.LTRIM, args[1]);
            }
        }
        ctx.reply().ok();
    }
}
