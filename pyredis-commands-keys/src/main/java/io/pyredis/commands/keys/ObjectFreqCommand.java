package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code OBJECT FREQ key}
 */
public final class ObjectFreqCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|freq");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        int freq = ctx.db().accessFrequency(args[2]);
        if (freq < 0) {
            ctx.reply().nullBulk();
            return;
        }
        if (!ObjectCommand.lfuPolicy(ctx)) {
            throw Errors.LFU_NOT_SELECTED;
        }
        ctx.reply().integer(freq);
    }
}
