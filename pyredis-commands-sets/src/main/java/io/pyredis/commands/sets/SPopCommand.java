package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.api.Reply;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code SPOP key [count]}
 */
public final class SPopCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("spop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        Database db = ctx.db();
        Reply reply = ctx.reply();
        if (args.length == 2) {
            RedisSet set = db.get(args[1], RedisSet.class);
            if (set == null) {
                reply.nullBulk();
                return;
            }
            byte[] m = set.memberAt(ThreadLocalRandom.current().nextInt(set.size()));
            set.remove(m);
            SetOps.removed(ctx, args[1], set, Events.SPOP);
            // What was drawn, not the draw: replaying must remove the same member.
            ctx.propagate(Propagation.SREM, args[1], m);
            reply.bulk(m);
            return;
        }
        long count = Numbers.parseLong(args[2], Errors.MUST_BE_POSITIVE);
        if (count < 0) {
            throw Errors.MUST_BE_POSITIVE;
        }
        RedisSet set = db.get(args[1], RedisSet.class);
        if (set == null || count == 0) {
            reply.set(0);
            return;
        }
        int size = set.size();
        if (count >= size) {
            SetOps.replySet(reply, set);
            db.delete(args[1]);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, Events.SPOP, args[1]);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[1]);
            ctx.propagate(Propagation.DEL, args[1]);
            return;
        }
        int n = (int) count;
        byte[][] popped = new byte[n][];
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            byte[] m = set.memberAt(r.nextInt(set.size()));
            set.remove(m);
            popped[i] = m;
        }
        db.modified(args[1]);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, Events.SPOP, args[1]);
        reply.set(n);
        for (byte[] m : popped) {
            reply.bulk(m);
            // One SREM per member, as Redis 7.0 records it (inside one MULTI/EXEC).
            ctx.propagate(Propagation.SREM, args[1], m);
        }
    }
}
