package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;

/**
 * {@code XGROUP CREATE key group <id | $> [MKSTREAM] [ENTRIESREAD entries-read]}
 */
public final class XGroupCreateCommand extends XGroupGenericCommand {

    private static final RedisError BUSYGROUP = new RedisError("BUSYGROUP Consumer Group name already exists");

    public XGroupCreateCommand() {
        super("create", false);
    }

    @Override
    void run(CommandContext ctx, byte[][] args, Call c) {
        if (args.length > 8) {
            throw Streams.subcommandSyntax(args);
        }
        StreamId id = groupId(args[4], c.stream, true);
        RedisStream s = c.stream;
        if (s == null) {
            s = ctx.db().createStream();
            ctx.db().set(args[2], s);
        }
        if (s.groups().containsKey(args[3])) {
            throw BUSYGROUP;
        }
        s.groups().put(args[3], new RedisStream.Group(id, c.entriesRead));
        ctx.db().modified(args[2]);
        ctx.reply().ok();
        Streams.notify(ctx, "xgroup-create", args[2]);
    }
}
