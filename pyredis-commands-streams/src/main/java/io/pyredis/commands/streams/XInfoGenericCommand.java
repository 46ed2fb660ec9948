package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

/** The XINFO subcommands on a key (xinfoCommand): the stream must exist. */
abstract class XInfoGenericCommand extends GenericCommand {

    XInfoGenericCommand(String sub) {
        super(StreamsPack.METADATA.spec("xinfo|" + sub));
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        RedisStream s = Streams.lookup(ctx, args[2]);
        if (s == null) {
            throw RedisError.NO_SUCH_KEY;
        }
        run(ctx, args, s);
    }

    abstract void run(CommandContext ctx, byte[][] args, RedisStream s);

    /** streamReplyWithCGLag: the entries not delivered to the group yet, null when it cannot be known. */
    private static void replyLag(Reply r, RedisStream s, RedisStream.Group g) {
        long lag;
        if (s.entriesAdded() == 0) {
            lag = 0;
        } else if (g.entriesRead != RedisStream.Group.INVALID_ENTRIES_READ
                && !Streams.rangeHasTombstones(s, g.lastId, null)) {
            lag = s.entriesAdded() - g.entriesRead;
        } else {
            long read = s.estimateDistance(g.lastId);
            if (read == RedisStream.Group.INVALID_ENTRIES_READ) {
                r.nullBulk();
                return;
            }
            lag = s.entriesAdded() - read;
        }
        r.integer(lag);
    }

    /** The {@code entries-read} and {@code lag} fields of a group, as XINFO GROUPS and STREAM FULL give them. */
    static void replyReadAndLag(Reply r, RedisStream s, RedisStream.Group g) {
        r.bulk("entries-read");
        replyEntriesRead(r, g);
        r.bulk("lag");
        replyLag(r, s, g);
    }

    private static void replyEntriesRead(Reply r, RedisStream.Group g) {
        if (g.entriesRead != RedisStream.Group.INVALID_ENTRIES_READ) {
            r.integer(g.entriesRead);
        } else {
            r.nullBulk();
        }
    }
}
