package io.pyredis.commands.sets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;
import io.pyredis.support.Aggregates;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What the multi-key commands share: looking their sets up (every key type-checked
 * first, a missing key an empty set), the algebra, and replying or storing the result.
 * Results are built as new sets through the ordinary add path, so they take the
 * encoding Redis would give them (an intset when every member is an integer).
 */
final class SetOps {

    private SetOps() {
    }

    /** The sets at {@code args[from..to)}; null entries for missing keys. */
    static RedisSet[] lookup(Database db, byte[][] args, int from, int to) {
        RedisSet[] sets = new RedisSet[to - from];
        for (int i = from; i < to; i++) {
            RedisValue v = db.read(args[i]);
            if (v != null && !(v instanceof RedisSet)) {
                throw RedisError.WRONGTYPE;
            }
            sets[i - from] = (RedisSet) v;
        }
        return sets;
    }

    /** The intersection, or null when it is empty. */
    static RedisSet inter(Database db, RedisSet[] sets) {
        for (RedisSet s : sets) {
            if (s == null) {
                return null;
            }
        }
        RedisSet[] sorted = sets.clone();
        Arrays.sort(sorted, Comparator.comparingInt(RedisSet::size));
        RedisSet out = db.createSet();
        RedisSet smallest = sorted[0];
        for (int i = 0, n = smallest.size(); i < n; i++) {
            byte[] m = smallest.memberAt(i);
            if (inAll(sorted, m)) {
                out.add(m);
            }
        }
        return out.size() == 0 ? null : out;
    }

    /** The size of the intersection, counting stopped at {@code limit} (0 = no limit). */
    static long interCard(RedisSet[] sets, long limit) {
        for (RedisSet s : sets) {
            if (s == null) {
                return 0;
            }
        }
        RedisSet[] sorted = sets.clone();
        Arrays.sort(sorted, Comparator.comparingInt(RedisSet::size));
        RedisSet smallest = sorted[0];
        long count = 0;
        for (int i = 0, n = smallest.size(); i < n; i++) {
            if (inAll(sorted, smallest.memberAt(i))) {
                count++;
                if (limit > 0 && count >= limit) {
                    break;
                }
            }
        }
        return count;
    }

    private static boolean inAll(RedisSet[] sorted, byte[] m) {
        for (int j = 1; j < sorted.length; j++) {
            if (sorted[j] != sorted[0] && !sorted[j].contains(m)) {
                return false;
            }
        }
        return true;
    }

    /** The union, or null when it is empty. */
    static RedisSet union(Database db, RedisSet[] sets) {
        RedisSet out = db.createSet();
        for (RedisSet s : sets) {
            if (s != null) {
                for (int i = 0, n = s.size(); i < n; i++) {
                    out.add(s.memberAt(i));
                }
            }
        }
        return out.size() == 0 ? null : out;
    }

    /** The members of the first set in none of the others, or null when there are none. */
    static RedisSet diff(Database db, RedisSet[] sets) {
        RedisSet first = sets[0];
        if (first == null) {
            return null;
        }
        RedisSet out = db.createSet();
        for (int i = 0, n = first.size(); i < n; i++) {
            byte[] m = first.memberAt(i);
            boolean keep = true;
            for (int j = 1; j < sets.length && keep; j++) {
                if (sets[j] != null && (sets[j] == first || sets[j].contains(m))) {
                    keep = false;
                }
            }
            if (keep) {
                out.add(m);
            }
        }
        return out.size() == 0 ? null : out;
    }

    /** Replies {@code set} (null = empty) as a set: a RESP3 set, a RESP2 array. */
    static void replySet(Reply reply, RedisSet set) {
        if (set == null) {
            reply.set(0);
            return;
        }
        int n = set.size();
        reply.set(n);
        for (int i = 0; i < n; i++) {
            reply.bulk(set.memberAt(i));
        }
    }

    /**
     * The *STORE commands: stores the result at {@code dst}, reporting {@code event}, or
     * deletes {@code dst} when the result is empty, reporting a {@code del} if it existed;
     * replies the result's size.
     */
    static void store(CommandContext ctx, byte[] dst, RedisSet result, String event) {
        Database db = ctx.db();
        if (result == null) {
            if (db.delete(dst)) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, dst);
            }
            ctx.reply().integer(0);
            return;
        }
        db.set(dst, result);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, event, dst);
        ctx.reply().integer(result.size());
    }

    /**
     * After removing from a stored set: reports {@code event}; then deletes the set when
     * empty, reporting its {@code del}, else marks it changed.
     */
    static void removed(CommandContext ctx, byte[] key, RedisSet set, String event) {
        Aggregates.removed(ctx, key, set.size() == 0, KeyspaceEvent.SET, event);
    }
}
