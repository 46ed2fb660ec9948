package io.pyredis.commands.keys;

import io.pyredis.support.Keywords;
import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.support.PartialSort;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO, as Redis 7.0's sortCommandGeneric: the options, the LIMIT clamping,
 * BY/GET pattern lookups, numeric and ALPHA orders with their tie-breaks, the direct paths
 * that keep a list's or sorted set's own order for {@code BY nosort}, and STORE.
 */
final class SortCore {

    private static final RedisError BY_DENIED =
            new RedisError("ERR BY option of SORT denied due to insufficient ACL permissions.");
    private static final RedisError GET_DENIED =
            new RedisError("ERR GET option of SORT denied due to insufficient ACL permissions.");
    static final RedisError NOT_DOUBLE = new RedisError("ERR One or more scores can't be converted into double");

    private SortCore() {
    }

    /** One element to sort: the element, and its numeric score or ALPHA BY value. */
    private static final class Item {
        final byte[] obj;
        double score;
        byte[] cmp;

        Item(byte[] obj) {
            this.obj = obj;
        }
    }

    static void execute(CommandContext ctx, byte[][] args, boolean readonly) {
        boolean desc = false;
        boolean alpha = false;
        boolean dontsort = false;
        long limitStart = 0;
        long limitCount = -1;
        byte[] sortby = null;
        byte[] storekey = null;
        List<SortPattern> gets = List.of();
        for (int j = 2; j < args.length; j++) {
            int left = args.length - j - 1;
            byte[] a = args[j];
            if (Keywords.is(a, "asc")) {
                desc = false;
            } else if (Keywords.is(a, "desc")) {
                desc = true;
            } else if (Keywords.is(a, "alpha")) {
                alpha = true;
            } else if (Keywords.is(a, "limit") && left >= 2) {
                limitStart = Numbers.parseLong(args[j + 1]);
                limitCount = Numbers.parseLong(args[j + 2]);
                j += 2;
            } else if (!readonly && Keywords.is(a, "store") && left >= 1) {
                storekey = args[++j];
            } else if (Keywords.is(a, "by") && left >= 1) {
                sortby = args[++j];
                // A BY without '*' is constant: nothing to sort by. Redis never clears this
                // again, even when a later BY has a '*'.
                if (!SortPattern.hasStar(sortby)) {
                    dontsort = true;
                } else if (!ctx.mayReadAnyKey()) {
                    // The keys a pattern reads are known only while sorting: only a user who
                    // may read any key may use one, as Redis's user_has_full_key_access.
                    throw BY_DENIED;
                }
            } else if (Keywords.is(a, "get") && left >= 1) {
                if (!ctx.mayReadAnyKey()) {
                    throw GET_DENIED;
                }
                if (gets.isEmpty()) {
                    gets = new ArrayList<>(2);
                }
                gets.add(new SortPattern(args[++j]));
            } else {
                throw RedisError.SYNTAX;
            }
        }

        Database db = ctx.db();
        RedisValue value = db.read(args[1]);
        if (value != null && !(value instanceof RedisList || value instanceof RedisSet
                || value instanceof RedisSortedSet)) {
            throw RedisError.WRONGTYPE;
        }
        // A set has no order of its own: a stored result must not depend on it.
        if (dontsort && value instanceof RedisSet && storekey != null) {
            dontsort = false;
            alpha = true;
            sortby = null;
        }

        int vectorlen = size(value);
        long start = Math.min(Math.max(limitStart, 0), vectorlen);
        long count = Math.min(Math.max(limitCount, -1), vectorlen);
        long end = count < 0 ? vectorlen - 1 : start + count - 1;
        if (start >= vectorlen) {
            start = vectorlen - 1;
            end = vectorlen - 2;
        }
        if (end >= vectorlen) {
            end = vectorlen - 1;
        }

        Item[] vector;
        if (dontsort && (value instanceof RedisList || value instanceof RedisSortedSet)) {
            // The element's own order, LIMIT taken directly on positions (DESC from the tail).
            if (start != 0 || end != vectorlen - 1) {
                vectorlen = (int) (end - start + 1);
            }
            vector = new Item[Math.max(vectorlen, 0)];
            if (value instanceof RedisList list) {
                if (end >= start) {
                    int n = list.size();
                    int i = (int) (desc ? n - start - 1 : start);
                    for (int j = 0; j < vector.length && i >= 0 && i < n; j++, i += desc ? -1 : 1) {
                        vector[j] = new Item(list.get(i));
                    }
                    end -= start;
                    start = 0;
                }
            } else {
                RedisSortedSet zset = (RedisSortedSet) value;
                long n = zset.size();
                long rank = desc ? n - 1 - start : start;
                for (int j = 0; j < vector.length; j++, rank += desc ? -1 : 1) {
                    vector[j] = new Item(zset.memberAt(rank));
                }
                end -= start;
                start = 0;
            }
        } else {
            vector = load(value, vectorlen);
        }

        if (!dontsort) {
            SortPattern by = sortby == null ? null : new SortPattern(sortby);
            boolean notDouble = false;
            for (Item item : vector) {
                byte[] byval = by == null ? item.obj : by.lookup(db, item.obj);
                if (byval == null) {
                    continue;
                }
                if (alpha) {
                    if (by != null) {
                        item.cmp = byval;
                    }
                } else {
                    item.score = Strtod.score(byval);
                    if (Double.isNaN(item.score)) {
                        notDouble = true;
                    }
                }
            }
            if (notDouble) {
                throw NOT_DOUBLE;
            }
            Comparator<Item> order = order(desc, alpha, by != null, storekey != null);
            if (by != null && (start != 0 || end != vectorlen - 1)) {
                PartialSort.sort(vector, order, (int) start, (int) end);
            } else {
                // Stable, as glibc's qsort (a merge sort) is: ties keep the loading order.
                Arrays.sort(vector, order);
            }
        }

        int ranged = (int) (end - start + 1);
        int outputlen = gets.isEmpty() ? ranged : gets.size() * ranged;
        if (storekey == null) {
            Reply reply = ctx.reply();
            reply.array(outputlen);
            for (long j = start; j <= end; j++) {
                byte[] obj = vector[(int) j].obj;
                if (gets.isEmpty()) {
                    reply.bulk(obj);
                }
                for (SortPattern get : gets) {
                    byte[] v = get.lookup(db, obj);
                    if (v == null) {
                        reply.nullBulk();
                    } else {
                        reply.bulk(v);
                    }
                }
            }
            return;
        }
        if (outputlen > 0) {
            RedisList stored = db.createList();
            for (long j = start; j <= end; j++) {
                byte[] obj = vector[(int) j].obj;
                if (gets.isEmpty()) {
                    stored.push(false, obj);
                }
                for (SortPattern get : gets) {
                    byte[] v = get.lookup(db, obj);
                    stored.push(false, v == null ? EMPTY : v);
                }
            }
            db.set(storekey, stored);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.SORTSTORE, storekey);
        } else if (db.delete(storekey)) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, storekey);
        }
        ctx.reply().integer(outputlen);
    }

    private static final byte[] EMPTY = new byte[0];

    private static int size(RedisValue value) {
        if (value instanceof RedisList l) {
            return l.size();
        }
        if (value instanceof RedisSet s) {
            return s.size();
        }
        if (value instanceof RedisSortedSet z) {
            return z.size();
        }
        return 0; // no key sorts as an empty list
    }

    private static Item[] load(RedisValue value, int n) {
        Item[] vector = new Item[n];
        if (value instanceof RedisList list) {
            for (int i = 0; i < n; i++) {
                vector[i] = new Item(list.get(i));
            }
        } else if (value instanceof RedisSet set) {
            int[] i = {0};
            set.forEach(m -> vector[i[0]++] = new Item(m));
        } else if (value instanceof RedisSortedSet zset) {
            for (int i = 0; i < n; i++) {
                vector[i] = new Item(zset.memberAt(i));
            }
        }
        return vector;
    }

    /**
     * sort.c's sortCompare. Numeric ties fall back to the elements' bytes. Without STORE,
     * ALPHA compares with strcoll, which in the C locale Redis runs in is strcmp (it stops
     * at a NUL byte); with STORE Redis compares the whole bytes. DESC negates the result
     * rather than reversing the output, so tied elements keep their order either way.
     */
    private static Comparator<Item> order(boolean desc, boolean alpha, boolean byPattern, boolean store) {
        Comparator<Item> asc;
        if (!alpha) {
            asc = (a, b) -> a.score > b.score ? 1 : a.score < b.score ? -1 : Arrays.compareUnsigned(a.obj, b.obj);
        } else if (byPattern) {
            asc = (a, b) -> {
                if (a.cmp == null || b.cmp == null) {
                    return a.cmp == b.cmp ? 0 : a.cmp == null ? -1 : 1;
                }
                return store ? Arrays.compareUnsigned(a.cmp, b.cmp) : strcmp(a.cmp, b.cmp);
            };
        } else {
            asc = store ? (a, b) -> Arrays.compareUnsigned(a.obj, b.obj) : (a, b) -> strcmp(a.obj, b.obj);
        }
        return desc ? (a, b) -> -Integer.signum(asc.compare(a, b)) : asc;
    }

    private static int strcmp(byte[] a, byte[] b) {
        for (int i = 0; ; i++) {
            int ca = i < a.length ? a[i] & 0xff : 0;
            int cb = i < b.length ? b[i] & 0xff : 0;
            if (ca != cb) {
                return ca - cb;
            }
            if (ca == 0) {
                return 0;
            }
        }
    }
}
