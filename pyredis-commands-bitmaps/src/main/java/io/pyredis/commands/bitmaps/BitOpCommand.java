package io.pyredis.commands.bitmaps;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.GrowableString;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.support.Keywords;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@code BITOP <AND | OR | XOR | NOT> destkey key [key ...]}
 */
public final class BitOpCommand implements Command {

    private static final CommandSpec SPEC = BitmapsPack.METADATA.spec("bitop");
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final int AND = 0;
    private static final int OR = 1;
    private static final int XOR = 2;
    private static final int NOT = 3;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        int op = operation(args[1]);
        if (op == NOT && args.length != 4) {
            throw Errors.BITOP_NOT_ONE_KEY;
        }
        Database db = ctx.db();
        int n = args.length - 3;
        byte[][] src = new byte[n][];
        int[] len = new int[n];
        int maxLen = 0;
        for (int i = 0; i < n; i++) {
            // Sources are read, as Redis's lookupKeyRead; a missing one is an empty string.
            RedisString s = db.read(args[i + 3], RedisString.class);
            if (s != null) {
                src[i] = s.array();
                len[i] = s.length();
                maxLen = Math.max(maxLen, len[i]);
            }
        }
        byte[] dest = args[2];
        if (maxLen == 0) {
            if (db.delete(dest)) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, dest);
            }
            ctx.reply().integer(0);
            return;
        }
        byte[] res = compute(op, src, len, maxLen);
        db.set(dest, GrowableString.of(res)); // a new sds: raw, as Redis's createObject
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SET, dest);
        ctx.reply().integer(maxLen);
    }

    private static int operation(byte[] name) {
        if (Keywords.is(name, "and")) {
            return AND;
        }
        if (Keywords.is(name, "or")) {
            return OR;
        }
        if (Keywords.is(name, "xor")) {
            return XOR;
        }
        if (Keywords.is(name, "not")) {
            return NOT;
        }
        throw RedisError.SYNTAX;
    }

    /** The result, {@code maxLen} bytes: shorter sources are padded with zeros. */
    static byte[] compute(int op, byte[][] src, int[] len, int maxLen) {
        byte[] res = new byte[maxLen];
        if (src[0] != null) {
            System.arraycopy(src[0], 0, res, 0, len[0]);
        }
        if (op == NOT) {
            invert(res);
            return res;
        }
        for (int i = 1; i < src.length; i++) {
            byte[] s = src[i];
            int l = s == null ? 0 : len[i];
            combine(op, res, s, l);
            if (op == AND) {
                java.util.Arrays.fill(res, l, maxLen, (byte) 0);
            }
        }
        return res;
    }

    private static void invert(byte[] res) {
        int j = 0;
        for (; j + 8 <= res.length; j += 8) {
            WORDS.set(res, j, ~(long) WORDS.get(res, j));
        }
        for (; j < res.length; j++) {
            res[j] = (byte) ~res[j];
        }
    }

    /** {@code res[0, l) op= s[0, l)}, a word at a time. */
    private static void combine(int op, byte[] res, byte[] s, int l) {
        int j = 0;
        for (; j + 8 <= l; j += 8) {
            long a = (long) WORDS.get(res, j);
            long b = (long) WORDS.get(s, j);
            WORDS.set(res, j, op == AND ? a & b : op == OR ? a | b : a ^ b);
        }
        for (; j < l; j++) {
            res[j] = (byte) (op == AND ? res[j] & s[j] : op == OR ? res[j] | s[j] : res[j] ^ s[j]);
        }
    }
}
