package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * lua-cmsgpack 0.4.0 ({@code cmsgpack}) as Redis embeds it (deps/lua/src/lua_cmsgpack.c):
 * MessagePack with the smallest integer encoding, float32 when it is exact, tables as arrays
 * when their keys are exactly 1..n, nesting cut at 16 levels (deeper tables pack as nil).
 */
final class Cmsgpack {

    private static final int MAX_NESTING = 16;

    private Cmsgpack() {
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.set("pack", LuaArgs.function("pack", Cmsgpack::pack));
        t.set("unpack", LuaArgs.function("unpack", a -> unpack("unpack", a, 0, 0)));
        t.set("unpack_one", LuaArgs.function("unpack_one",
                a -> unpack("unpack_one", a, 1, LuaArgs.optInteger("unpack_one", a, 2, 0))));
        t.set("unpack_limit", LuaArgs.function("unpack_limit", a -> {
            long limit = LuaArgs.checkInteger("unpack_limit", a, 2);
            return unpack("unpack_limit", a, limit, LuaArgs.optInteger("unpack_limit", a, 3, 0));
        }));
        t.set("_NAME", "cmsgpack");
        t.set("_VERSION", "lua-cmsgpack 0.4.0");
        t.set("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo");
        t.set("_DESCRIPTION", "MessagePack C implementation for Lua");
        return t;
    }

    // ===== encoding =====

    private static Varargs pack(Varargs a) {
        if (a.narg() == 0) {
            throw LuaArgs.argError("pack", 0, "MessagePack pack needs input.");
        }
        if (a.narg() + a.narg() > LuaArgs.MAX_C_STACK) {
            // lua_checkstack(L, nargs) with the nargs arguments already on the stack
            throw LuaArgs.argError("pack", 0, "Too many arguments for MessagePack pack.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= a.narg(); i++) {
            encode(out, a.arg(i), 0);
        }
        return LuaValue.valueOf(out.toByteArray());
    }

    private static void be(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private static void header(ByteArrayOutputStream out, long n, int fix, int fixMax, int code16, int code32) {
        if (n <= fixMax) {
            out.write(fix | (int) n);
        } else if (n <= 0xffff) {
            out.write(code16);
            be(out, n, 2);
        } else {
            out.write(code32);
            be(out, n, 4);
        }
    }

    private static void encode(ByteArrayOutputStream out, LuaValue v, int level) {
        int type = v.type();
        if (type == LuaValue.TTABLE && level == MAX_NESTING) {
            type = LuaValue.TNIL;
        }
        switch (type) {
            case LuaValue.TSTRING -> bytes(out, v.checkstring());
            case LuaValue.TBOOLEAN -> out.write(v.toboolean() ? 0xc3 : 0xc2);
            case LuaValue.TNUMBER -> number(out, v.todouble());
            case LuaValue.TTABLE -> table(out, (LuaTable) v, level);
            default -> out.write(0xc0);
        }
    }

    private static void bytes(ByteArrayOutputStream out, LuaString s) {
        int len = s.m_length;
        if (len < 32) {
            out.write(0xa0 | len);
        } else if (len <= 0xff) {
            out.write(0xd9);
            out.write(len);
        } else if (len <= 0xffff) {
            out.write(0xda);
            be(out, len, 2);
        } else {
            out.write(0xdb);
            be(out, len, 4);
        }
        out.write(s.m_bytes, s.m_offset, len);
    }

    /** Integral doubles that fit an int64 pack as integers, others as float32 when exact, else float64. */
    private static void number(ByteArrayOutputStream out, double d) {
        if (d >= -0x1p63 && d < 0x1p63 && (long) d == d) {
            integer(out, (long) d);
        } else if (d == (double) (float) d) {
            out.write(0xca);
            be(out, Float.floatToRawIntBits((float) d), 4);
        } else {
            out.write(0xcb);
            be(out, Double.doubleToRawLongBits(d), 8);
        }
    }

    private static void integer(ByteArrayOutputStream out, long n) {
        if (n >= 0) {
            if (n <= 127) {
                out.write((int) n);
            } else if (n <= 0xff) {
                out.write(0xcc);
                be(out, n, 1);
            } else if (n <= 0xffff) {
                out.write(0xcd);
                be(out, n, 2);
            } else if (n <= 0xffffffffL) {
                out.write(0xce);
                be(out, n, 4);
            } else {
                out.write(0xcf);
                be(out, n, 8);
            }
        } else if (n >= -32) {
            out.write((int) n);
        } else if (n >= -128) {
            out.write(0xd0);
            be(out, n, 1);
        } else if (n >= -32768) {
            out.write(0xd1);
            be(out, n, 2);
        } else if (n >= Integer.MIN_VALUE) {
            out.write(0xd2);
            be(out, n, 4);
        } else {
            out.write(0xd3);
            be(out, n, 8);
        }
    }

    /** table_is_an_array: only positive int keys, as many as the largest one. */
    private static boolean isArray(LuaTable t) {
        long count = 0;
        double max = 0;
        java.util.List<LuaValue> entries = LuaArgs.entries(t);
        for (int i = 0; i < entries.size(); i += 2) {
            LuaValue k = entries.get(i);
            if (k.type() != LuaValue.TNUMBER) {
                return false;
            }
            double n = k.todouble();
            if (n <= 0 || (int) n != n) {
                return false;
            }
            max = Math.max(max, n);
            count++;
        }
        return max == count;
    }

    private static void table(ByteArrayOutputStream out, LuaTable t, int level) {
        if (isArray(t)) {
            int len = t.length();
            header(out, len, 0x90, 15, 0xdc, 0xdd);
            for (int j = 1; j <= len; j++) {
                encode(out, t.get(j), level + 1);
            }
        } else {
            List<LuaValue> entries = LuaArgs.entries(t);
            header(out, entries.size() / 2, 0x80, 15, 0xde, 0xdf);
            for (LuaValue e : entries) {
                encode(out, e, level + 1);
            }
        }
    }

    // ===== decoding =====

    /** mp_cur errors: not enough bytes, or a type byte it does not know. */
    private static final class Truncated extends RuntimeException {
        Truncated() {
            super(null, null, false, false);
        }
    }

    private static final class BadFormat extends RuntimeException {
        BadFormat() {
            super(null, null, false, false);
        }
    }

    private static final class Cursor {
        final byte[] b;
        final int end;
        int p;
        /** Values on the C function's Lua stack, for luaL_checkstack's limit. */
        int top = 1;

        Cursor(byte[] b, int from, int end) {
            this.b = b;
            this.p = from;
            this.end = end;
        }

        void need(long n) {
            if (end - p < n) {
                throw new Truncated();
            }
        }

        int u8(int off) {
            return b[p + off] & 0xff;
        }

        long be(int off, int bytes) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | u8(off + i);
            }
            return v;
        }
    }

    private static Varargs unpack(String function, Varargs a, long limit, long offset) {
        LuaString s = LuaArgs.checkString(function, a, 1);
        int len = s.m_length;
        boolean all = limit == 0 && offset == 0;
        if (offset < 0 || limit < 0) {
            // sic: lua_cmsgpack prints the input length where it says limit
            throw LuaArgs.error("Invalid request to unpack with offset of " + (int) offset + " and limit of " + len + ".");
        } else if (offset > len) {
            throw LuaArgs.error("Start offset " + (int) offset + " greater than input length " + len + ".");
        }
        if (all) {
            limit = Integer.MAX_VALUE;
        }
        Cursor c = new Cursor(s.m_bytes, s.m_offset + (int) offset, s.m_offset + len);
        List<LuaValue> results = new ArrayList<>();
        try {
            for (int cnt = 0; c.p < c.end && cnt < limit; cnt++) {
                results.add(decode(c));
                c.top++;
            }
        } catch (Truncated e) {
            throw LuaArgs.error("Missing bytes in input.");
        } catch (BadFormat e) {
            throw LuaArgs.error("Bad data format in input.");
        }
        if (!all) {
            int left = c.end - c.p;
            results.add(0, LuaValue.valueOf(left == 0 ? -1 : len - left));
        }
        return LuaValue.varargsOf(results.toArray(new LuaValue[0]));
    }

    private static LuaValue decode(Cursor c) {
        c.need(1);
        if (c.top + 1 > LuaArgs.MAX_C_STACK) {
            throw LuaArgs.error("stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)");
        }
        int t = c.u8(0);
        switch (t) {
            case 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3 -> {
                int bytes = 1 << ((t & 3));
                c.need(1 + bytes);
                long v = c.be(1, bytes);
                if (t >= 0xd0 && bytes < 8) {
                    // sign-extend int8/16/32
                    v = (v << (64 - 8 * bytes)) >> (64 - 8 * bytes);
                }
                c.p += 1 + bytes;
                return LuaArgs.number((double) v);
            }
            case 0xc0 -> {
                c.p++;
                return LuaValue.NIL;
            }
            case 0xc3, 0xc2 -> {
                c.p++;
                return LuaValue.valueOf(t == 0xc3);
            }
            case 0xca -> {
                c.need(5);
                float f = Float.intBitsToFloat((int) c.be(1, 4));
                c.p += 5;
                return LuaArgs.number(f);
            }
            case 0xcb -> {
                c.need(9);
                double d = Double.longBitsToDouble(c.be(1, 8));
                c.p += 9;
                return LuaArgs.number(d);
            }
            case 0xd9, 0xda, 0xdb -> {
                int hdr = t == 0xd9 ? 1 : t == 0xda ? 2 : 4;
                c.need(1 + hdr);
                long l = c.be(1, hdr);
                c.p += 1 + hdr;
                c.need(l);
                LuaValue s = LuaValue.valueOf(java.util.Arrays.copyOfRange(c.b, c.p, c.p + (int) l));
                c.p += (int) l;
                return s;
            }
            case 0xdc, 0xdd, 0xde, 0xdf -> {
                int hdr = (t & 1) == 0 ? 2 : 4;
                c.need(1 + hdr);
                long l = c.be(1, hdr);
                c.p += 1 + hdr;
                return t <= 0xdd ? array(c, l) : map(c, l);
            }
            default -> {
                if ((t & 0x80) == 0) {
                    c.p++;
                    return LuaValue.valueOf(t);
                } else if ((t & 0xe0) == 0xe0) {
                    c.p++;
                    return LuaValue.valueOf((byte) t);
                } else if ((t & 0xe0) == 0xa0) {
                    int l = t & 0x1f;
                    c.need(1 + l);
                    LuaValue s = LuaValue.valueOf(java.util.Arrays.copyOfRange(c.b, c.p + 1, c.p + 1 + l));
                    c.p += 1 + l;
                    return s;
                } else if ((t & 0xf0) == 0x90) {
                    c.p++;
                    return array(c, t & 0xf);
                } else if ((t & 0xf0) == 0x80) {
                    c.p++;
                    return map(c, t & 0xf);
                }
                throw new BadFormat();
            }
        }
    }

    private static LuaTable array(Cursor c, long len) {
        LuaTable t = new LuaTable();
        c.top += 2; // the table, then each index
        for (int i = 1; len-- > 0; i++) {
            t.set(i, decode(c));
        }
        c.top -= 2;
        return t;
    }

    private static LuaTable map(Cursor c, long len) {
        LuaTable t = new LuaTable();
        c.top++;
        while (len-- > 0) {
            LuaValue k = decode(c);
            c.top++;
            LuaValue v = decode(c);
            c.top--;
            // lua_settable: a nil or NaN key is an error, a nil value removes nothing
            if (k.isnil()) {
                throw LuaArgs.error("table index is nil");
            }
            if (k.type() == LuaValue.TNUMBER && Double.isNaN(k.todouble())) {
                throw LuaArgs.error("table index is NaN");
            }
            t.set(k, v);
        }
        c.top--;
        return t;
    }
}
