package io.pyredis.commands.sets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.support.NumkeysGenericCommand;

/**
 * {@code SINTERCARD numkeys key [key ...] [LIMIT limit]}
 */
public final class SInterCardCommand extends NumkeysGenericCommand {

    public SInterCardCommand() {
        super(SetsPack.METADATA.spec("sintercard"), 0, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long numkeys = Numbers.parseLong(args[1], Errors.NUMKEYS);
        if (numkeys < 1) {
            throw Errors.NUMKEYS;
        }
        if (numkeys > args.length - 2) {
            throw Errors.TOO_MANY_KEYS;
        }
        int end = 2 + (int) numkeys;
        long limit = 0;
        for (int i = end; i < args.length; i += 2) {
            if (i + 1 < args.length && Keywords.is(args[i], "limit")) {
                limit = Numbers.parseLong(args[i + 1], Errors.NEGATIVE_LIMIT);
                if (limit < 0) {
                    throw Errors.NEGATIVE_LIMIT;
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
        RedisSet[] sets = SetOps.lookup(ctx.db(), args, 2, end);
        ctx.reply().integer(SetOps.interCard(sets, limit));
    }
}
