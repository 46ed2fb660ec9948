package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.Reply;

/**
 * The one core of SET, SETNX, SETEX, PSETEX and GETSET (Redis's {@code setGenericCommand}),
 * and the option parser SET and GETEX share ({@code parseExtendedStringArgumentsOrReply}).
 */
final class SetCore {

    static final int NX = 1;
    static final int XX = 1 << 1;
    static final int EX = 1 << 2;
    static final int PX = 1 << 3;
    static final int KEEPTTL = 1 << 4;
    static final int GET = 1 << 5;
    static final int EXAT = 1 << 6;
    static final int PXAT = 1 << 7;
    static final int PERSIST = 1 << 8;

    static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

    /** What SETNX replies instead of +OK and a null bulk. */
    enum Replies { OK_OR_NULL, ONE_OR_ZERO }

    static final RedisError INVALID_EXPIRE_SET = RedisError.invalidExpireTime("set");
    static final RedisError INVALID_EXPIRE_GETEX = RedisError.invalidExpireTime("getex");

    private SetCore() {
    }

    /**
     * Parses the options from {@code args[from]} on, with Redis's rules: conflicting options
     * and unknown words are {@code ERR syntax error}; repeating an option is allowed.
     *
     * @param forSet true for SET (NX, XX, GET, KEEPTTL), false for GETEX (PERSIST)
     * @return the flags in the low 32 bits, the index of the expire argument (0 if none) in
     *         the high 32 bits
     */
    static long parseOptions(byte[][] args, int from, boolean forSet) {
        int flags = 0;
        int expireIndex = 0;
        int argc = args.length;
        for (int j = from; j < argc; j++) {
            byte[] opt = args[j];
            boolean hasNext = j < argc - 1;
            if (Keywords.is(opt, "nx") && forSet && (flags & XX) == 0) {
                flags |= NX;
            } else if (Keywords.is(opt, "xx") && forSet && (flags & NX) == 0) {
                flags |= XX;
            } else if (Keywords.is(opt, "get") && forSet) {
                flags |= GET;
            } else if (Keywords.is(opt, "keepttl") && forSet
                    && (flags & (PERSIST | ANY_EXPIRE)) == 0) {
                flags |= KEEPTTL;
            } else if (Keywords.is(opt, "persist") && !forSet
                    && (flags & (KEEPTTL | ANY_EXPIRE)) == 0) {
                flags |= PERSIST;
            } else if (Keywords.is(opt, "ex") && hasNext
                    && (flags & (KEEPTTL | PERSIST | EXAT | PX | PXAT)) == 0) {
                flags |= EX;
                expireIndex = ++j;
            } else if (Keywords.is(opt, "px") && hasNext
                    && (flags & (KEEPTTL | PERSIST | EX | EXAT | PXAT)) == 0) {
                flags |= PX;
                expireIndex = ++j;
            } else if (Keywords.is(opt, "exat") && hasNext
                    && (flags & (KEEPTTL | PERSIST | EX | PX | PXAT)) == 0) {
                flags |= EXAT;
                expireIndex = ++j;
            } else if (Keywords.is(opt, "pxat") && hasNext
                    && (flags & (KEEPTTL | PERSIST | EX | EXAT | PX)) == 0) {
                flags |= PXAT;
                expireIndex = ++j;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return ((long) expireIndex << 32) | (flags & 0xffffffffL);
    }

    /**
     * The absolute deadline in unix ms of an expire argument, as Redis's
     * {@code getExpireMillisecondsOrReply}: not an integer, not positive, or overflowing
     * once converted to an absolute time in ms is refused.
     */
    static long deadline(CommandContext ctx, byte[] arg, int flags, RedisError invalid) {
        long v = Numbers.parseLong(arg);
        boolean seconds = (flags & (EX | EXAT)) != 0;
        if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
            throw invalid;
        }
        if (seconds) {
            v *= 1000;
        }
        if ((flags & (EX | PX)) != 0) {
            v += ctx.now(); // wraps to negative on overflow, as in C
        }
        if (v <= 0) {
            throw invalid;
        }
        return v;
    }

    /**
     * SET with everything: {@code deadline} is used when {@code flags} has an expire flag.
     * With GET the reply is the old value whatever NX/XX decide.
     *
     * <p>Propagated as Redis's {@code setGenericCommand} does: with a deadline as
     * {@code SET key value PXAT deadline}; with GET as the command without its GET words
     * ({@code args}, or {@code SET key value} for GETSET, whose {@code args} is null);
     * otherwise as sent.
     */
    static void set(CommandContext ctx, byte[][] args, byte[] key, byte[] value, int flags, long deadline,
                    Replies replies) {
        Database db = ctx.db();
        RedisString old = null;
        boolean found;
        if ((flags & GET) != 0) {
            old = db.read(key, RedisString.class); // WRONGTYPE before anything changes
            found = old != null;
        } else {
            found = (flags & (NX | XX)) != 0 && db.exists(key);
        }
        Reply reply = ctx.reply();
        if (((flags & NX) != 0 && found) || ((flags & XX) != 0 && !found)) {
            if ((flags & GET) != 0) {
                bulkOrNull(reply, old);
            } else if (replies == Replies.ONE_OR_ZERO) {
                reply.integer(0);
            } else {
                reply.nullBulk();
            }
            return;
        }
        RedisString v = RedisString.of(value);
        if ((flags & ANY_EXPIRE) != 0) {
            // A deadline already past leaves the key invisible but counted until reclaimed,
            // as Redis 7.0 does (DBSIZE still shows it).
            db.set(key, v, deadline);
        } else if ((flags & KEEPTTL) != 0) {
            db.setKeepTtl(key, v);
        } else {
            db.set(key, v);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SET, key);
        if ((flags & ANY_EXPIRE) != 0) {
            ctx.propagate(Propagation.SET, key, value, Propagation.PXAT, Numbers.toBytes(deadline));
        } else if ((flags & GET) != 0) {
            ctx.propagate(args == null ? new byte[][] {Propagation.SET, key, value} : withoutGet(args));
        }
        if ((flags & ANY_EXPIRE) != 0) {
            // Even for a deadline already past, as Redis 7.0 reports it.
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.EXPIRE, key);
        }
        if ((flags & GET) != 0) {
            bulkOrNull(reply, old);
        } else if (replies == Replies.ONE_OR_ZERO) {
            reply.integer(1);
        } else {
            reply.ok();
        }
    }

    /** SET's arguments without its GET words (which may be repeated). */
    private static byte[][] withoutGet(byte[][] args) {
        int n = 0;
        for (int j = 0; j < args.length; j++) {
            if (j < 3 || !isGet(args[j])) {
                n++;
            }
        }
        byte[][] out = new byte[n][];
        n = 0;
        for (int j = 0; j < args.length; j++) {
            if (j < 3 || !isGet(args[j])) {
                out[n++] = args[j];
            }
        }
        return out;
    }

    private static boolean isGet(byte[] a) {
        return Keywords.is(a, "get");
    }

    static void bulkOrNull(Reply reply, RedisString s) {
        if (s == null) {
            reply.nullBulk();
        } else {
            reply.bulk(s.bytes());
        }
    }
}
