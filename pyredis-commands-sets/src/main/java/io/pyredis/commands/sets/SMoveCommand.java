package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisValue;

import java.util.Arrays;

/**
 * {@code SMOVE source destination member}
 */
public final class SMoveCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("smove");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] srcKey = args[1];
        byte[] dstKey = args[2];
        byte[] member = args[3];
        RedisValue src = db.get(srcKey);
        RedisValue dst = db.get(dstKey);
        // As Redis: a missing source answers 0 before any type is checked.
        if (src == null) {
            ctx.reply().integer(0);
            return;
        }
        if (!(src instanceof RedisSet) || (dst != null && !(dst instanceof RedisSet))) {
            throw RedisError.WRONGTYPE;
        }
        RedisSet from = (RedisSet) src;
        if (Arrays.equals(srcKey, dstKey)) {
            ctx.reply().integer(from.contains(member) ? 1 : 0);
            return;
        }
        if (!from.remove(member)) {
            ctx.reply().integer(0);
            return;
        }
        SetOps.removed(ctx, srcKey, from, Events.SREM);
        if (dst == null) {
            RedisSet to = db.createSet();
            to.add(member);
            db.set(dstKey, to);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, Events.SADD, dstKey);
        } else if (((RedisSet) dst).add(member)) {
            db.modified(dstKey);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, Events.SADD, dstKey);
        }
        // A member the destination already had is not reported, as in Redis.
        ctx.reply().integer(1);
    }
}
