package io.pyredis.commands.sets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisSet;
import io.pyredis.support.GenericCommand;

/**
 * SINTER, SUNION, SDIFF ({@code key [key ...]}) and their STORE forms
 * ({@code destination key [key ...]}), as Redis's sinterGenericCommand and
 * sunionDiffGenericCommand: every key is type-checked before the algebra runs.
 */
abstract class SetOpGenericCommand extends GenericCommand {

    /** One of {@link SetOps}'s operations: the result, or null when it is empty. */
    @FunctionalInterface
    interface Op {
        RedisSet apply(Database db, RedisSet[] sets);
    }

    private final Op op;
    private final String storeEvent;

    /** @param storeEvent the STORE forms' keyspace event; null for the forms that reply the set */
    SetOpGenericCommand(String name, Op op, String storeEvent) {
        super(SetsPack.METADATA.spec(name));
        this.op = op;
        this.storeEvent = storeEvent;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        boolean store = storeEvent != null;
        RedisSet[] sets = SetOps.lookup(ctx.db(), args, store ? 2 : 1, args.length);
        RedisSet result = op.apply(ctx.db(), sets);
        if (store) {
            SetOps.store(ctx, args[1], result, storeEvent);
        } else {
            SetOps.replySet(ctx.reply(), result);
        }
    }
}
