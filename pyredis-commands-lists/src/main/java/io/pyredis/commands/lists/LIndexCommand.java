package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisList;

/**
 * {@code LINDEX key index}
 */
public final class LIndexCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lindex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisList list = ctx.db().get(args[1], RedisList.class);
        if (list == null) {
            ctx.reply().nullBulk();
            return;
        }
        long index = Numbers.parseLong(args[2]);
        if (index < 0) {
            index += list.size();
        }
        if (index < 0 || index >= list.size()) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(list.get((int) index));
        }
    }
}
