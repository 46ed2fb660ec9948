package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisList;

/**
 * {@code LLEN key}
 */
public final class LLenCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("llen");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisList list = ctx.db().get(args[1], RedisList.class);
        ctx.reply().integer(list == null ? 0 : list.size());
    }
}
