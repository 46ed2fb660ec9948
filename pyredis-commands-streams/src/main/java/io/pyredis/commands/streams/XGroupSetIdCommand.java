package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;

/**
 * {@code XGROUP SETID key group <id | $> [ENTRIESREAD entries-read]}
 */
public final class XGroupSetIdCommand extends XGroupGenericCommand {

    public XGroupSetIdCommand() {
        super("setid", true);
    }

    @Override
    void run(CommandContext ctx, byte[][] args, Call c) {
        if (args.length != 5 && args.length != 7) {
            throw Streams.subcommandSyntax(args);
        }
        c.group.lastId = groupId(args[4], c.stream, false);
        c.group.entriesRead = c.entriesRead;
        ctx.db().modified(args[2]);
        ctx.reply().ok();
        Streams.notify(ctx, "xgroup-setid", args[2]);
    }
}
