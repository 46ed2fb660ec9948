package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisList;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Numbers;

/**
 * LPOP and RPOP ({@code key [count]}), as Redis's popGenericCommand: one element as a bulk,
 * or with a count an array of up to that many.
 */
abstract class PopGenericCommand extends GenericCommand {

    private final String name;
    private final boolean head;

    /** @param head whether to pop from the head (L) or the tail (R) */
    PopGenericCommand(String name, boolean head) {
        super(ListsPack.METADATA.spec(name));
        this.name = name;
        this.head = head;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 3) {
            throw Errors.wrongArity(name);
        }
        boolean hasCount = args.length == 3;
        long count = 1;
        if (hasCount) {
            count = Numbers.parseLong(args[2], Errors.MUST_BE_POSITIVE);
            if (count < 0) {
                throw Errors.MUST_BE_POSITIVE;
            }
        }
        RedisList list = ctx.db().get(args[1], RedisList.class);
        if (list == null) {
            if (hasCount) {
                ctx.reply().nullArray();
            } else {
                ctx.reply().nullBulk();
            }
            return;
        }
        if (!hasCount) {
            ctx.reply().bulk(list.pop(head));
            PopCore.changed(ctx, args[1], list, Events.pop(head));
            return;
        }
        if (count == 0) {
            ctx.reply().array(0);
            return;
        }
        PopCore.popInto(ctx, args[1], list, head, count);
    }
}
