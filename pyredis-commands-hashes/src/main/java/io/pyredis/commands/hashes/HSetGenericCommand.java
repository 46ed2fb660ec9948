package io.pyredis.commands.hashes;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;
import io.pyredis.support.GenericCommand;

/**
 * HSET and HMSET ({@code key field value [field value ...]}), both Redis's hsetCommand:
 * every pair is set, reported as {@code hset} even when no value changed, as Redis does;
 * only the reply tells them apart.
 */
abstract class HSetGenericCommand extends GenericCommand {

    private final boolean replyCreated;
    private final RedisError arity;

    /** @param replyCreated HSET: reply how many fields are new, else +OK */
    HSetGenericCommand(String name, boolean replyCreated) {
        super(HashesPack.METADATA.spec(name));
        this.replyCreated = replyCreated;
        this.arity = Errors.wrongArity(name);
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        if ((args.length & 1) == 1) {
            throw arity;
        }
        Database db = ctx.db();
        byte[] key = args[1];
        RedisHash h = db.get(key, RedisHash.class);
        boolean existed = h != null;
        if (!existed) {
            h = db.createHash();
        }
        long created = 0;
        for (int i = 2; i < args.length; i += 2) {
            if (h.put(args[i], args[i + 1])) {
                created++;
            }
        }
        HashWrites.done(ctx, key, h, existed, Events.HSET);
        if (replyCreated) {
            ctx.reply().integer(created);
        } else {
            ctx.reply().ok();
        }
    }
}
