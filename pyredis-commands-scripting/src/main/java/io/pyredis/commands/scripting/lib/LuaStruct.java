package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Roberto Ierusalimschy's struct library ({@code struct}) as Redis embeds it
 * (deps/lua/src/lua_struct.c), with the sizes of Redis's x86-64 build: native order little endian,
 * {@code l}/{@code L}/{@code T} 8 bytes, {@code i}/{@code I} 4 by default, maximum alignment 8.
 */
final class LuaStruct {

    private static final int MAXINTSIZE = 32;
    private static final int MAXALIGN = 8;

    private LuaStruct() {
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.set("pack", LuaArgs.function("pack", LuaStruct::pack));
        t.set("unpack", LuaArgs.function("unpack", LuaStruct::unpack));
        t.set("size", LuaArgs.function("size", LuaStruct::size));
        return t;
    }

    /** The format as C sees it: up to its first NUL. */
    private static final class Format {
        final String function;
        final byte[] f;
        int p;
        boolean little = true;
        int align = 1;

        Format(String function, LuaString s) {
            this.function = function;
            int n = 0;
            while (n < s.m_length && s.m_bytes[s.m_offset + n] != 0) {
                n++;
            }
            f = new byte[n];
            System.arraycopy(s.m_bytes, s.m_offset, f, 0, n);
        }

        boolean more() {
            return p < f.length;
        }

        int next() {
            return f[p++] & 0xff;
        }

        int num(int def) {
            if (p >= f.length || !Character.isDigit(f[p])) {
                return def;
            }
            int a = 0;
            do {
                int d = f[p] - '0';
                if (a > Integer.MAX_VALUE / 10 || a * 10 > Integer.MAX_VALUE - d) {
                    throw LuaArgs.error("integral size overflow");
                }
                a = a * 10 + d;
                p++;
            } while (p < f.length && Character.isDigit(f[p]));
            return a;
        }

        int optsize(int opt) {
            return switch (opt) {
                case 'B', 'b' -> 1;
                case 'H', 'h' -> 2;
                case 'L', 'l', 'T', 'd' -> 8;
                case 'f' -> 4;
                case 'x' -> 1;
                case 'c' -> num(1);
                case 'i', 'I' -> {
                    int sz = num(4);
                    if (sz > MAXINTSIZE) {
                        throw LuaArgs.error("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
                    }
                    yield sz;
                }
                default -> 0;
            };
        }

        /** Padding before an item of {@code size} at {@code len}, as C computes it. */
        long toalign(long len, int opt, int size) {
            if (size == 0 || opt == 'c') {
                return 0;
            }
            if (size > align) {
                size = align;
            }
            return (size - (len & (size - 1))) & (size - 1);
        }

        void control(int opt) {
            switch (opt) {
                case ' ' -> {
                }
                case '>' -> little = false;
                case '<' -> little = true;
                case '!' -> {
                    int a = num(MAXALIGN);
                    if (a <= 0 || (a & (a - 1)) != 0) {
                        throw LuaArgs.error("alignment " + a + " is not a power of 2");
                    }
                    align = a;
                }
                default -> throw LuaArgs.argError(function, 1, "invalid format option '" + (char) opt + "'");
            }
        }
    }

    private static void putInteger(ByteArrayOutputStream out, double n, boolean little, int size) {
        long value;
        if (n < 0) {
            value = (long) n;
        } else if (n >= 0x1p63) {
            // C's double to unsigned long
            value = n >= 0x1p64 ? 0 : (long) (n - 0x1p63) ^ Long.MIN_VALUE;
        } else {
            value = (long) n;
        }
        byte[] buf = new byte[size];
        for (int i = 0; i < size; i++) {
            buf[little ? i : size - 1 - i] = (byte) value;
            value >>>= 8;
        }
        out.write(buf, 0, size);
    }

    private static void putBytes(ByteArrayOutputStream out, long bits, int size, boolean little) {
        for (int i = 0; i < size; i++) {
            int shift = 8 * (little ? i : size - 1 - i);
            out.write((int) (bits >>> shift));
        }
    }

    private static Varargs pack(Varargs args) {
        // b_pack pushes a nil after its arguments: a missing one is "got nil", not "no value"
        Varargs a = withNil(args);
        Format h = new Format("pack", LuaArgs.checkString("pack", a, 1));
        int arg = 2;
        long total = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (h.more()) {
            int opt = h.next();
            int size = h.optsize(opt);
            long pad = h.toalign(total, opt, size);
            total += pad;
            for (long i = 0; i < pad; i++) {
                out.write(0);
            }
            switch (opt) {
                case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' -> putInteger(out, LuaArgs.checkNumber("pack", a, arg++), h.little, size);
                case 'x' -> out.write(0);
                case 'f' -> putBytes(out, Float.floatToRawIntBits((float) LuaArgs.checkNumber("pack", a, arg++)) & 0xffffffffL, 4, h.little);
                case 'd' -> putBytes(out, Double.doubleToRawLongBits(LuaArgs.checkNumber("pack", a, arg++)), 8, h.little);
                case 'c', 's' -> {
                    LuaString s = LuaArgs.checkString("pack", a, arg++);
                    int l = s.m_length;
                    if (size == 0) {
                        size = l;
                    }
                    if (l < size) {
                        // sic: the argument after the string, as lua_struct.c reports it
                        throw LuaArgs.argError("pack", arg, "string too short");
                    }
                    out.write(s.m_bytes, s.m_offset, size);
                    if (opt == 's') {
                        out.write(0);
                        size++;
                    }
                }
                default -> h.control(opt);
            }
            total += size;
        }
        return LuaValue.valueOf(out.toByteArray());
    }

    private static Varargs withNil(Varargs args) {
        LuaValue[] v = new LuaValue[args.narg() + 1];
        for (int i = 0; i < args.narg(); i++) {
            v[i] = args.arg(i + 1);
        }
        v[args.narg()] = LuaValue.NIL;
        return LuaValue.varargsOf(v);
    }

    private static double getInteger(byte[] b, int at, boolean little, boolean signed, int size) {
        long l = 0;
        for (int i = 0; i < size; i++) {
            l = (l << 8) | (b[at + (little ? size - 1 - i : i)] & 0xff);
        }
        if (!signed) {
            return l >= 0 ? (double) l : ((double) ((l >>> 1) | (l & 1))) * 2.0;
        }
        // C shifts by size*8-1, which x86 takes modulo 64, as Java does
        long mask = -1L << (size * 8 - 1);
        if ((l & mask) != 0) {
            l |= mask;
        }
        return (double) l;
    }

    private static Varargs unpack(Varargs a) {
        Format h = new Format("unpack", LuaArgs.checkString("unpack", a, 1));
        LuaString data = LuaArgs.checkString("unpack", a, 2);
        long ld = data.m_length;
        long pos = LuaArgs.optInteger("unpack", a, 3, 1);
        if (pos == 0) {
            throw LuaArgs.argError("unpack", 3, "offset must be 1 or greater");
        }
        pos--; // size_t arithmetic: a negative offset is a huge one
        List<LuaValue> results = new ArrayList<>();
        while (h.more()) {
            int opt = h.next();
            long size = h.optsize(opt);
            pos += h.toalign(pos, opt, (int) size);
            if (!fits(size, pos, ld)) {
                throw LuaArgs.argError("unpack", 2, "data string too short");
            }
            if (a.narg() + results.size() + 2 > LuaArgs.MAX_C_STACK) {
                throw LuaArgs.error("stack overflow (too many results)");
            }
            int at = data.m_offset + (int) pos;
            switch (opt) {
                case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' ->
                        results.add(LuaArgs.number(getInteger(data.m_bytes, at, h.little, Character.isLowerCase(opt), (int) size)));
                case 'x' -> {
                }
                case 'f' -> results.add(LuaArgs.number(Float.intBitsToFloat((int) bits(data.m_bytes, at, 4, h.little))));
                case 'd' -> results.add(LuaArgs.number(Double.longBitsToDouble(bits(data.m_bytes, at, 8, h.little))));
                case 'c' -> {
                    if (size == 0) {
                        Double prev = results.isEmpty() ? null : LuaArgs.toNumber(results.get(results.size() - 1));
                        if (prev == null) {
                            throw LuaArgs.error("format 'c0' needs a previous size");
                        }
                        size = (long) (double) prev;
                        results.remove(results.size() - 1);
                        if (!fits(size, pos, ld)) {
                            throw LuaArgs.argError("unpack", 2, "data string too short");
                        }
                    }
                    results.add(LuaValue.valueOf(data.m_bytes, at, (int) size));
                }
                case 's' -> {
                    int e = at;
                    int end = data.m_offset + (int) ld;
                    while (e < end && data.m_bytes[e] != 0) {
                        e++;
                    }
                    if (e == end) {
                        throw LuaArgs.error("unfinished string in data");
                    }
                    size = e - at + 1;
                    results.add(LuaValue.valueOf(data.m_bytes, at, (int) size - 1));
                }
                default -> h.control(opt);
            }
            pos += size;
        }
        results.add(LuaArgs.number(pos + 1));
        return LuaValue.varargsOf(results.toArray(new LuaValue[0]));
    }

    /** {@code size <= ld && pos <= ld - size}, in C's unsigned size_t. */
    private static boolean fits(long size, long pos, long ld) {
        return Long.compareUnsigned(size, ld) <= 0 && Long.compareUnsigned(pos, ld - size) <= 0;
    }

    private static long bits(byte[] b, int at, int size, boolean little) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 8) | (b[at + (little ? size - 1 - i : i)] & 0xff);
        }
        return v;
    }

    private static Varargs size(Varargs a) {
        Format h = new Format("size", LuaArgs.checkString("size", a, 1));
        long pos = 0;
        while (h.more()) {
            int opt = h.next();
            int size = h.optsize(opt);
            pos += h.toalign(pos, opt, size);
            if (opt == 's') {
                throw LuaArgs.argError("size", 1, "option 's' has no fixed size");
            } else if (opt == 'c' && size == 0) {
                throw LuaArgs.argError("size", 1, "option 'c0' has no fixed size");
            }
            if (!Character.isLetterOrDigit(opt) || opt >= 128) {
                h.control(opt);
            }
            pos += size;
        }
        return LuaArgs.number(pos);
    }
}
