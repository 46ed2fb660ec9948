package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;

/**
 * Lua CJSON 2.1.0 ({@code cjson}) as Redis 7.0.15 bundles it (deps/lua/src/lua_cjson.c): JSON
 * encoding with {@code %.14g} numbers, sparse-array detection, escaped {@code /}; a decoder with
 * its token errors, nesting limits and strtod's number syntax. Each module table (and each
 * {@code cjson.new()}) has its own configuration.
 */
final class Cjson {

    /** JSON null: Lua CJSON's NULL lightuserdata; one value, so {@code x == cjson.null} works. */
    static final LuaUserdata NULL = new LuaUserdata(new Object() {
        @Override
        public String toString() {
            return "cjson.null";
        }
    });

    private int encodeSparseConvert = 0;
    private int encodeSparseRatio = 2;
    private int encodeSparseSafe = 10;
    private int encodeMaxDepth = 1000;
    private int decodeMaxDepth = 1000;
    private int encodeInvalidNumbers = 0; // 0 off, 1 on, 2 "null"
    private int decodeInvalidNumbers = 1;
    private int encodeKeepBuffer = 1;
    private int encodeNumberPrecision = 14;

    private Cjson() {
    }

    /** A cjson module table with its own, default, configuration. */
    static LuaTable create() {
        Cjson cfg = new Cjson();
        LuaTable t = new LuaTable();
        t.set("encode", LuaArgs.function("encode", cfg::encode));
        t.set("decode", LuaArgs.function("decode", cfg::decode));
        t.set("encode_sparse_array", LuaArgs.function("encode_sparse_array", cfg::encodeSparseArray));
        t.set("encode_max_depth", LuaArgs.function("encode_max_depth",
                a -> cfg.integerOption("encode_max_depth", a, 1, 1, v -> cfg.encodeMaxDepth = v, () -> cfg.encodeMaxDepth, 1, Integer.MAX_VALUE)));
        t.set("decode_max_depth", LuaArgs.function("decode_max_depth",
                a -> cfg.integerOption("decode_max_depth", a, 1, 1, v -> cfg.decodeMaxDepth = v, () -> cfg.decodeMaxDepth, 1, Integer.MAX_VALUE)));
        t.set("encode_number_precision", LuaArgs.function("encode_number_precision",
                a -> cfg.integerOption("encode_number_precision", a, 1, 1, v -> cfg.encodeNumberPrecision = v, () -> cfg.encodeNumberPrecision, 1, 14)));
        t.set("encode_keep_buffer", LuaArgs.function("encode_keep_buffer",
                a -> cfg.enumOption("encode_keep_buffer", a, 1, 1, BOOL_OPTIONS, v -> cfg.encodeKeepBuffer = v, () -> cfg.encodeKeepBuffer)));
        t.set("encode_invalid_numbers", LuaArgs.function("encode_invalid_numbers",
                a -> cfg.enumOption("encode_invalid_numbers", a, 1, 1, INVALID_NUMBER_OPTIONS, v -> cfg.encodeInvalidNumbers = v, () -> cfg.encodeInvalidNumbers)));
        t.set("decode_invalid_numbers", LuaArgs.function("decode_invalid_numbers",
                a -> cfg.enumOption("decode_invalid_numbers", a, 1, 1, BOOL_OPTIONS, v -> cfg.decodeInvalidNumbers = v, () -> cfg.decodeInvalidNumbers)));
        t.set("new", LuaArgs.function("new", a -> create()));
        t.set("null", NULL);
        t.set("_NAME", "cjson");
        t.set("_VERSION", "2.1.0");
        return t;
    }

    // ===== configuration =====

    private static final String[] BOOL_OPTIONS = {"off", "on"};
    private static final String[] INVALID_NUMBER_OPTIONS = {"off", "on", "null"};

    private interface IntSetter {
        void set(int v);
    }

    private interface IntGetter {
        int get();
    }

    /** json_arg_init: at most {@code max} arguments. */
    private static void checkArgCount(String function, Varargs a, int max) {
        if (a.narg() > max) {
            throw LuaArgs.argError(function, max + 1, "found too many arguments");
        }
    }

    private Varargs integerOption(String function, Varargs a, int nargs, int index, IntSetter set, IntGetter get, int min, int max) {
        checkArgCount(function, a, nargs);
        return integerOptionAt(function, a, index, set, get, min, max);
    }

    private static LuaValue integerOptionAt(String function, Varargs a, int index, IntSetter set, IntGetter get, int min, int max) {
        if (!a.arg(index).isnil()) {
            int value = (int) LuaArgs.checkInteger(function, a, index);
            if (value < min || value > max) {
                // lua_cjson reports argument 1 whichever option is out of range
                throw LuaArgs.argError(function, 1, "expected integer between " + min + " and " + max);
            }
            set.set(value);
        }
        return LuaValue.valueOf(get.get());
    }

    private Varargs enumOption(String function, Varargs a, int nargs, int index, String[] options, IntSetter set, IntGetter get) {
        checkArgCount(function, a, nargs);
        return enumOptionAt(function, a, index, options, set, get);
    }

    /** json_enum_option with bool_true 1: booleans or one of the option names. */
    private static LuaValue enumOptionAt(String function, Varargs a, int index, String[] options, IntSetter set, IntGetter get) {
        LuaValue v = a.arg(index);
        if (!v.isnil()) {
            if (v.isboolean()) {
                set.set(v.toboolean() ? 1 : 0);
            } else {
                LuaString s = LuaArgs.checkString(function, a, index);
                int found = -1;
                for (int i = 0; i < options.length; i++) {
                    if (s.tojstring().equals(options[i]) && s.m_length == options[i].length()) {
                        found = i;
                    }
                }
                if (found < 0) {
                    throw LuaArgs.argError(function, index, "invalid option '" + s.tojstring() + "'");
                }
                set.set(found);
            }
        }
        int setting = get.get();
        return setting == 0 || setting == 1 ? LuaValue.valueOf(setting == 1) : LuaValue.valueOf(options[setting]);
    }

    private Varargs encodeSparseArray(Varargs a) {
        String f = "encode_sparse_array";
        checkArgCount(f, a, 3);
        LuaValue convert = enumOptionAt(f, a, 1, BOOL_OPTIONS, v -> encodeSparseConvert = v, () -> encodeSparseConvert);
        LuaValue ratio = integerOptionAt(f, a, 2, v -> encodeSparseRatio = v, () -> encodeSparseRatio, 0, Integer.MAX_VALUE);
        LuaValue safe = integerOptionAt(f, a, 3, v -> encodeSparseSafe = v, () -> encodeSparseSafe, 0, Integer.MAX_VALUE);
        return LuaValue.varargsOf(new LuaValue[] {convert, ratio, safe});
    }

    // ===== encoding =====

    private static final String[] ESCAPES = new String[256];

    static {
        for (int i = 0; i < 32; i++) {
            ESCAPES[i] = String.format("\\u%04x", i);
        }
        ESCAPES['\b'] = "\\b";
        ESCAPES['\t'] = "\\t";
        ESCAPES['\n'] = "\\n";
        ESCAPES['\f'] = "\\f";
        ESCAPES['\r'] = "\\r";
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES['/'] = "\\/";
        ESCAPES[0x7f] = "\\u007f";
    }

    private Varargs encode(Varargs a) {
        if (a.narg() != 1) {
            throw LuaArgs.argError("encode", 1, "expected 1 argument");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder e = new Encoder(out);
        try {
            // stack slots used by the C encoder so far: its argument
            e.value(a.arg1(), 0, 1);
        } catch (StackOverflowError deep) {
            // Java's stack ended before Lua's C stack limit would (a thread stack under ~4 MB and
            // encode_max_depth raised past 1000): fail as at that limit, with the depth reached
            throw LuaArgs.error("Cannot serialise, excessive nesting (" + e.deepest + ")");
        }
        return LuaValue.valueOf(out.toByteArray());
    }

    private final class Encoder {
        private final ByteArrayOutputStream out;
        int deepest;

        Encoder(ByteArrayOutputStream out) {
            this.out = out;
        }

        private void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                out.write(s.charAt(i));
            }
        }

        private RuntimeException exception(LuaValue v, String reason) {
            return LuaArgs.error("Cannot serialise " + v.typename() + ": " + reason);
        }

        /** {@code top}: values on the C function's Lua stack, for lua_checkstack's limit. */
        void value(LuaValue v, int depth, int top) {
            switch (v.type()) {
                case LuaValue.TSTRING -> string(v.checkstring());
                case LuaValue.TNUMBER -> number(v);
                case LuaValue.TBOOLEAN -> ascii(v.toboolean() ? "true" : "false");
                case LuaValue.TNIL -> ascii("null");
                case LuaValue.TTABLE -> {
                    depth++;
                    deepest = Math.max(deepest, depth);
                    if (depth > encodeMaxDepth || top + 3 > LuaArgs.MAX_C_STACK) {
                        throw LuaArgs.error("Cannot serialise, excessive nesting (" + depth + ")");
                    }
                    LuaTable t = (LuaTable) v;
                    int len = arrayLength(t);
                    if (len > 0) {
                        array(t, len, depth, top);
                    } else {
                        object(t, depth, top);
                    }
                }
                default -> {
                    if (v == NULL) {
                        ascii("null");
                    } else {
                        throw exception(v, "type not supported");
                    }
                }
            }
        }

        private void string(LuaString s) {
            out.write('"');
            int run = s.m_offset;
            int end = s.m_offset + s.m_length;
            for (int i = run; i < end; i++) {
                String esc = ESCAPES[s.m_bytes[i] & 0xff];
                if (esc != null) {
                    // bytes that need no escape go out in one piece
                    out.write(s.m_bytes, run, i - run);
                    ascii(esc);
                    run = i + 1;
                }
            }
            out.write(s.m_bytes, run, end - run);
            out.write('"');
        }

        private void number(LuaValue v) {
            double num = v.todouble();
            boolean invalid = Double.isNaN(num) || Double.isInfinite(num);
            if (encodeInvalidNumbers == 0) {
                if (invalid) {
                    throw exception(v, "must not be NaN or Inf");
                }
            } else if (encodeInvalidNumbers == 1) {
                if (Double.isNaN(num)) {
                    ascii("nan");
                    return;
                }
            } else if (invalid) {
                ascii("null");
                return;
            }
            ascii(io.pyredis.support.Numbers.formatG(num, encodeNumberPrecision));
        }

        /** lua_array_length: the largest index of a table with only positive integer keys, else -1. */
        private int arrayLength(LuaTable t) {
            int max = 0;
            int items = 0;
            java.util.List<LuaValue> entries = LuaArgs.entries(t);
            for (int i = 0; i < entries.size(); i += 2) {
                LuaValue k = entries.get(i);
                if (k.type() == LuaValue.TNUMBER) {
                    double d = k.todouble();
                    if (d != 0 && Math.floor(d) == d && d >= 1) {
                        if (d > max) {
                            // C's int conversion: past INT_MAX it is INT_MIN on x86-64
                            max = d <= Integer.MAX_VALUE ? (int) d : Integer.MIN_VALUE;
                        }
                        items++;
                        continue;
                    }
                }
                return -1;
            }
            if (encodeSparseRatio > 0 && max > (long) items * encodeSparseRatio && max > encodeSparseSafe) {
                if (encodeSparseConvert == 0) {
                    throw exception(t, "excessively sparse array");
                }
                return -1;
            }
            return max;
        }

        private void array(LuaTable t, int len, int depth, int top) {
            out.write('[');
            for (int i = 1; i <= len; i++) {
                if (i > 1) {
                    out.write(',');
                }
                value(t.rawget(i), depth, top + 1);
            }
            out.write(']');
        }

        private void object(LuaTable t, int depth, int top) {
            out.write('{');
            java.util.List<LuaValue> entries = LuaArgs.entries(t);
            for (int i = 0; i < entries.size(); i += 2) {
                LuaValue k = entries.get(i);
                if (i > 0) {
                    out.write(',');
                }
                if (k.type() == LuaValue.TNUMBER) {
                    out.write('"');
                    number(k);
                    ascii("\":");
                } else if (k.type() == LuaValue.TSTRING) {
                    string(k.checkstring());
                    out.write(':');
                } else {
                    throw exception(k, "table key must be a number or string");
                }
                value(entries.get(i + 1), depth, top + 2);
            }
            out.write('}');
        }
    }

    // ===== decoding =====

    private Varargs decode(Varargs a) {
        if (a.narg() != 1) {
            throw LuaArgs.argError("decode", 1, "expected 1 argument");
        }
        LuaString s = LuaArgs.checkString("decode", a, 1);
        byte[] data = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, data, 0, data.length);
        if (data.length >= 2 && (data[0] == 0 || data[1] == 0)) {
            throw LuaArgs.error("JSON parser does not support UTF-16 or UTF-32");
        }
        return new JsonDecoder(data, decodeMaxDepth, decodeInvalidNumbers != 0).decode();
    }
}
