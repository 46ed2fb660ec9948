package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.function.IntBinaryOperator;

/**
 * LuaBitOp 1.0.2 ({@code bit}) as Redis embeds it (deps/lua/src/lua_bit.c): 32-bit operations on
 * Lua numbers, results signed 32-bit numbers.
 */
final class Bit {

    private Bit() {
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.set("tobit", LuaArgs.function("tobit", a -> ret(arg("tobit", a, 1))));
        t.set("bnot", LuaArgs.function("bnot", a -> ret(~arg("bnot", a, 1))));
        fold(t, "band", (x, y) -> x & y);
        fold(t, "bor", (x, y) -> x | y);
        fold(t, "bxor", (x, y) -> x ^ y);
        shift(t, "lshift", (b, n) -> b << n);
        shift(t, "rshift", (b, n) -> b >>> n);
        shift(t, "arshift", (b, n) -> b >> n);
        shift(t, "rol", Integer::rotateLeft);
        shift(t, "ror", Integer::rotateRight);
        t.set("bswap", LuaArgs.function("bswap", a -> ret(Integer.reverseBytes(arg("bswap", a, 1)))));
        t.set("tohex", LuaArgs.function("tohex", Bit::tohex));
        return t;
    }

    /**
     * barg: the number's low 32 bits after adding 2^52+2^51, which rounds it to an integer (half to
     * even) and wraps it modulo 2^32 the way LuaBitOp does on doubles.
     */
    static int arg(String function, Varargs args, int i) {
        Double n = LuaArgs.toNumber(args.arg(i));
        double d = n == null ? 0 : n;
        int b = (int) Double.doubleToRawLongBits(d + 6755399441055744.0);
        if (b == 0 && n == null) {
            throw LuaArgs.typeError(function, args, i, "number");
        }
        return b;
    }

    private static LuaValue ret(int b) {
        return LuaValue.valueOf(b);
    }

    private static void fold(LuaTable t, String name, IntBinaryOperator op) {
        t.set(name, LuaArgs.function(name, a -> {
            int b = arg(name, a, 1);
            for (int i = a.narg(); i > 1; i--) {
                b = op.applyAsInt(b, arg(name, a, i));
            }
            return ret(b);
        }));
    }

    private static void shift(LuaTable t, String name, IntBinaryOperator op) {
        t.set(name, LuaArgs.function(name, a -> {
            int b = arg(name, a, 1);
            int n = arg(name, a, 2) & 31;
            return ret(op.applyAsInt(b, n));
        }));
    }

    private static Varargs tohex(Varargs a) {
        int b = arg("tohex", a, 1);
        int n = a.narg() < 2 ? 8 : arg("tohex", a, 2);
        String digits = "0123456789abcdef";
        if (n < 0) {
            n = -n;
            digits = "0123456789ABCDEF";
        }
        if (n > 8) {
            n = 8;
        }
        // n is negative only for -2^31, whose negation overflows: C's loop then writes nothing.
        byte[] buf = new byte[Math.max(n, 0)];
        for (int i = buf.length; --i >= 0; ) {
            buf[i] = (byte) digits.charAt(b & 15);
            b >>>= 4;
        }
        return LuaValue.valueOf(buf);
    }
}
