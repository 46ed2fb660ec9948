package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;

/**
 * {@code XGROUP DESTROY key group}
 */
public final class XGroupDestroyCommand extends XGroupGenericCommand {

    public XGroupDestroyCommand() {
        super("destroy", false);
    }

    @Override
    void run(CommandContext ctx, byte[][] args, Call c) {
        if (c.group == null) {
            ctx.reply().integer(0);
            return;
        }
        c.stream.groups().remove(args[3]);
        // modified also wakes the XREADGROUP clients of the group, to answer NOGROUP.
        ctx.db().modified(args[2]);
        ctx.reply().integer(1);
        Streams.notify(ctx, "xgroup-destroy", args[2]);
    }
}
