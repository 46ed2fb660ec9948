package io.pyredis.commands.keys;

import io.pyredis.support.Keywords;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.support.GenericCommand;

/** Redis's expireGenericCommand: EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT with NX, XX, GT, LT. */
abstract class ExpireGenericCommand extends GenericCommand {

    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GT = 4;
    private static final int LT = 8;

    private final boolean seconds;
    private final boolean absolute;
    /** The overflow error, which names the command. */
    private final RedisError invalid;

    /**
     * @param seconds  whether {@code args[2]} counts seconds (else milliseconds)
     * @param absolute whether it is a unix time (else relative to now)
     */
    ExpireGenericCommand(String name, boolean seconds, boolean absolute) {
        super(KeysPack.METADATA.spec(name));
        this.seconds = seconds;
        this.absolute = absolute;
        this.invalid = RedisError.invalidExpireTime(name);
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        int flags = parseFlags(args);
        long when = Numbers.parseLong(args[2]);
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                throw invalid;
            }
            when *= 1000;
        }
        long base = absolute ? 0 : ctx.now();
        if (when > Long.MAX_VALUE - base) {
            throw invalid;
        }
        when += base;

        Database db = ctx.db();
        byte[] key = args[1];
        long current = db.expireAt(key);
        if (current == -2) {
            ctx.reply().integer(0);
            return;
        }
        if (flags != 0 && !allowed(flags, when, current)) {
            ctx.reply().integer(0);
            return;
        }
        if (when <= ctx.now()) {
            // A deadline already past deletes the key at once, as Redis does (and replicates a DEL).
            db.delete(key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, key);
            ctx.propagate(Propagation.DEL, key);
        } else {
            db.expireAt(key, when);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.EXPIRE, key);
            if (seconds || !absolute) {
                // As Redis: PEXPIREAT with the absolute deadline, the NX/XX/GT/LT words kept,
                // so that replaying later sets the same deadline. PEXPIREAT goes as sent.
                byte[][] p = args.clone();
                p[0] = Propagation.PEXPIREAT;
                p[2] = Numbers.toBytes(when);
                ctx.propagate(p);
            }
        }
        ctx.reply().integer(1);
    }

    /** The NX/XX/GT/LT conditions; {@code current} is -1 for a key without a deadline (an infinite one). */
    private static boolean allowed(int flags, long when, long current) {
        if ((flags & NX) != 0 && current != -1) {
            return false;
        }
        if ((flags & XX) != 0 && current == -1) {
            return false;
        }
        if ((flags & GT) != 0 && (current == -1 || when <= current)) {
            return false;
        }
        return (flags & LT) == 0 || current == -1 || when < current;
    }

    /** Redis parses the options before the time, so their errors come first. */
    private static int parseFlags(byte[][] args) {
        int flags = 0;
        for (int i = 3; i < args.length; i++) {
            byte[] a = args[i];
            if (Keywords.is(a, "nx")) {
                flags |= NX;
            } else if (Keywords.is(a, "xx")) {
                flags |= XX;
            } else if (Keywords.is(a, "gt")) {
                flags |= GT;
            } else if (Keywords.is(a, "lt")) {
                flags |= LT;
            } else {
                throw Errors.unsupportedOption(a);
            }
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            throw Errors.NX_AND_OTHERS;
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            throw Errors.GT_AND_LT;
        }
        return flags;
    }
}
