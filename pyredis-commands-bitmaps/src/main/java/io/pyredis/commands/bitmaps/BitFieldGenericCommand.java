package io.pyredis.commands.bitmaps;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BITFIELD and BITFIELD_RO, as Redis's bitfieldGeneric: every operation is parsed (and
 * any error answered) before the string is touched, then they run in order, each
 * replying one integer, or a null for a write that {@code OVERFLOW FAIL} refused.
 */
abstract class BitFieldGenericCommand extends GenericCommand {

    static final int WRAP = 0;
    static final int SAT = 1;
    static final int FAIL = 2;

    private static final int GET = 0;
    private static final int SET = 1;
    private static final int INCRBY = 2;

    /** One parsed operation: Redis's struct bitfieldOp. */
    private record Op(int code, long offset, long value, int overflow, int bits, boolean signed) {
    }

    private final boolean readOnly;

    /** @param readOnly BITFIELD_RO: only GET is allowed */
    BitFieldGenericCommand(String name, boolean readOnly) {
        super(BitmapsPack.METADATA.spec(name));
        this.readOnly = readOnly;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        List<Op> ops = new ArrayList<>();
        int overflow = WRAP;
        boolean writes = false;
        long highestWrite = 0;
        for (int j = 2; j < args.length; j++) {
            int remaining = args.length - j - 1;
            byte[] sub = args[j];
            int code;
            if (Keywords.is(sub, "get") && remaining >= 2) {
                code = GET;
            } else if (Keywords.is(sub, "set") && remaining >= 3) {
                code = SET;
            } else if (Keywords.is(sub, "incrby") && remaining >= 3) {
                code = INCRBY;
            } else if (Keywords.is(sub, "overflow") && remaining >= 1) {
                overflow = overflowType(args[++j]);
                continue;
            } else {
                throw RedisError.SYNTAX;
            }
            byte[] type = args[j + 1];
            boolean signed = isSigned(type);
            int bits = bits(type, signed);
            long offset = Bits.bitOffset(ctx, args[j + 2], true, bits);
            long value = 0;
            if (code != GET) {
                writes = true;
                highestWrite = Math.max(highestWrite, offset + bits - 1);
                value = Numbers.parseLong(args[j + 3]);
            }
            ops.add(new Op(code, offset, value, overflow, bits, signed));
            j += code == GET ? 2 : 3;
        }

        Database db = ctx.db();
        byte[] key = args[1];
        BitWrite w = null;
        byte[] p;
        int length;
        if (!writes) {
            RedisString s = db.read(key, RedisString.class);
            p = s == null ? null : s.array();
            length = s == null ? 0 : s.length();
        } else {
            if (readOnly) {
                throw Errors.BITFIELD_RO_WRITE;
            }
            w = BitWrite.open(db, key, db.get(key, RedisString.class), highestWrite);
            p = w.bytes();
            length = w.length();
        }

        Reply reply = ctx.reply();
        reply.array(ops.size());
        int changes = 0;
        for (Op op : ops) {
            if (op.code == GET) {
                reply.integer(p == null ? 0 : op.signed
                        ? Bits.getSigned(p, length, op.offset, op.bits)
                        : Bits.getUnsigned(p, length, op.offset, op.bits));
                continue;
            }
            long old = op.signed ? Bits.getSigned(p, length, op.offset, op.bits)
                    : Bits.getUnsigned(p, length, op.offset, op.bits);
            long target = op.code == INCRBY ? old + op.value : op.value;
            long[] wrapped = new long[1];
            int over = op.code == INCRBY
                    ? check(op.signed, old, op.value, op.bits, op.overflow, wrapped)
                    : check(op.signed, op.value, 0, op.bits, op.overflow, wrapped);
            long stored = over != 0 ? wrapped[0] : target;
            if (over != 0 && op.overflow == FAIL) {
                reply.nullBulk();
                continue;
            }
            // SET answers the old value, INCRBY the new one.
            reply.integer(op.code == INCRBY ? stored : old);
            Bits.setBits(p, op.offset, op.bits, stored);
            if (w.dirty() || old != stored) {
                changes++;
            }
        }
        if (w != null && (changes > 0 || w.dirty())) {
            // Creating or growing the key with no field changed is stored too, though Redis then
            // neither notifies nor propagates: here the store is what keeps replicas equal.
            w.store();
        }
        if (changes > 0) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETBIT, key);
        }
    }

    private static int overflowType(byte[] name) {
        if (Keywords.is(name, "wrap")) {
            return WRAP;
        }
        if (Keywords.is(name, "sat")) {
            return SAT;
        }
        if (Keywords.is(name, "fail")) {
            return FAIL;
        }
        throw Errors.OVERFLOW_TYPE;
    }

    private static boolean isSigned(byte[] type) {
        if (type.length > 0 && type[0] == 'i') {
            return true;
        }
        if (type.length > 0 && type[0] == 'u') {
            return false;
        }
        throw Errors.BITFIELD_TYPE;
    }

    /** The width of {@code i1}..{@code i64} or {@code u1}..{@code u63}. */
    private static int bits(byte[] type, boolean signed) {
        long bits = Numbers.parseLong(Arrays.copyOfRange(type, 1, type.length), Errors.BITFIELD_TYPE);
        if (bits < 1 || bits > (signed ? 64 : 63)) {
            throw Errors.BITFIELD_TYPE;
        }
        return (int) bits;
    }

    /**
     * Redis's check{Signed,Unsigned}BitfieldOverflow: 0 when {@code value + incr} fits in
     * {@code bits}, 1 on overflow, -1 on underflow; then {@code limit[0]} is what WRAP or
     * SAT store instead.
     */
    static int check(boolean signed, long value, long incr, int bits, int overflow, long[] limit) {
        return signed ? checkSigned(value, incr, bits, overflow, limit)
                : checkUnsigned(value, incr, bits, overflow, limit);
    }

    private static int checkUnsigned(long value, long incr, int bits, int overflow, long[] limit) {
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        long maxIncr = max - value;
        long minIncr = -value;
        int result;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            result = 1;
            limit[0] = max;
        } else if (incr < 0 && incr < minIncr) {
            result = -1;
            limit[0] = 0;
        } else {
            return 0;
        }
        if (overflow == WRAP) {
            long mask = bits == 64 ? 0 : -1L << bits;
            limit[0] = (value + incr) & ~mask;
            return 1; // Redis says overflow for a wrapped underflow too: harmless, only nonzero counts
        }
        return result;
    }

    private static int checkSigned(long value, long incr, int bits, int overflow, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        // May overflow; only used once value is known to be in range, as in Redis.
        long maxIncr = max - value;
        long minIncr = min - value;
        int result;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            result = 1;
            limit[0] = max;
        } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            result = -1;
            limit[0] = min;
        } else {
            return 0;
        }
        if (overflow == WRAP) {
            long c = value + incr;
            if (bits < 64) {
                long mask = -1L << bits;
                c = (c & (1L << (bits - 1))) != 0 ? c | mask : c & ~mask;
            }
            limit[0] = c;
            return 1;
        }
        return result;
    }
}
