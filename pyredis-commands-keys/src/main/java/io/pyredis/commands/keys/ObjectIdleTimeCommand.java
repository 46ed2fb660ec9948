package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code OBJECT IDLETIME key}
 */
public final class ObjectIdleTimeCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|idletime");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long idle = ctx.db().idleSeconds(args[2]);
        if (idle < 0) {
            ctx.reply().nullBulk();
            return;
        }
        if (ObjectCommand.lfuPolicy(ctx)) {
            throw Errors.LFU_SELECTED;
        }
        ctx.reply().integer(idle);
    }
}
