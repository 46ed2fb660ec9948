package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/**
 * {@code XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]}
 */
public final class XSetIdCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xsetid");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        StreamId id = Streams.strictId(args[2], 0);
        StreamId maxXdel = StreamId.MIN;
        long entriesAdded = -1;
        for (int i = 3; i < args.length; i += 2) {
            boolean more = args.length - 1 - i > 0;
            if (Keywords.is(args[i], "entriesadded") && more) {
                entriesAdded = Numbers.parseLong(args[i + 1]);
                if (entriesAdded < 0) {
                    throw new RedisError("ERR entries_added must be positive");
                }
            } else if (Keywords.is(args[i], "maxdeletedid") && more) {
                maxXdel = Streams.strictId(args[i + 1], 0);
                if (id.compareTo(maxXdel) < 0) {
                    throw new RedisError(
                            "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
        RedisStream s = Streams.lookup(ctx, args[1]);
        if (s == null) {
            throw RedisError.NO_SUCH_KEY;
        }
        if (s.length() > 0) {
            if (id.compareTo(Streams.lastValidId(s)) < 0) {
                throw new RedisError("ERR The ID specified in XSETID is smaller than the target stream top item");
            }
            if (entriesAdded != -1 && s.length() > entriesAdded) {
                throw new RedisError(
                        "ERR The entries_added specified in XSETID is smaller than the target stream length");
            }
        }
        s.lastId(id);
        if (entriesAdded != -1) {
            s.entriesAdded(entriesAdded);
        }
        if (!maxXdel.isZero()) {
            s.maxDeletedId(maxXdel);
        }
        ctx.db().modified(args[1]);
        ctx.reply().ok();
        Streams.notify(ctx, "xsetid", args[1]);
    }
}
