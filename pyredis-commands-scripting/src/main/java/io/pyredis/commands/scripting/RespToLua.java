package io.pyredis.commands.scripting;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.nio.charset.StandardCharsets;

/**
 * A command's RESP2 or RESP3 reply as the Lua value a script gets from redis.call, as
 * script_lua.c's redisProtocolToLuaType: integers are numbers, bulk strings strings, nil
 * bulks and arrays {@code false}, statuses {@code {ok=...}}, errors {@code {err=...}};
 * RESP3's null is nil, booleans booleans, doubles {@code {double=n}}, maps {@code {map={...}}},
 * sets {@code {set={k=true}}}, big numbers {@code {big_number=s}}, verbatim strings
 * {@code {verbatim_string={string=s, format=f}}}; attributes are skipped.
 */
final class RespToLua {

    private static final LuaValue MAP = LuaValue.valueOf("map");
    private static final LuaValue SET = LuaValue.valueOf("set");
    private static final LuaValue DOUBLE = LuaValue.valueOf("double");
    private static final LuaValue BIG_NUMBER = LuaValue.valueOf("big_number");
    private static final LuaValue VERBATIM = LuaValue.valueOf("verbatim_string");
    private static final LuaValue STRING = LuaValue.valueOf("string");
    private static final LuaValue FORMAT = LuaValue.valueOf("format");

    private final byte[] b;
    private int p;

    private RespToLua(byte[] b) {
        this.b = b;
    }

    /** The value of the reply in {@code reply} (one complete reply). */
    static LuaValue convert(byte[] reply) {
        return new RespToLua(reply).value();
    }

    private LuaValue value() {
        byte type = b[p++];
        switch (type) {
            case ':':
                return LuaValue.valueOf((double) parseLong(line()));
            case '$': {
                long n = parseLong(line());
                if (n < 0) {
                    return LuaValue.FALSE;
                }
                LuaString s = LuaString.valueOf(java.util.Arrays.copyOfRange(b, p, p + (int) n));
                p += (int) n + 2;
                return s;
            }
            case '+': {
                LuaTable t = new LuaTable();
                t.rawset(LuaErrors.OK, LuaString.valueOf(lineBytes()));
                return t;
            }
            case '-':
                return LuaErrors.counted("-" + new String(lineBytes(), StandardCharsets.UTF_8));
            case '*': {
                long n = parseLong(line());
                if (n < 0) {
                    return LuaValue.FALSE;
                }
                LuaTable t = new LuaTable((int) n, 0);
                for (int i = 1; i <= n; i++) {
                    LuaValue v = value();
                    if (!v.isnil()) {
                        t.rawset(i, v);
                    }
                }
                return t;
            }
            case '%': {
                long n = parseLong(line());
                LuaTable inner = new LuaTable();
                for (long i = 0; i < n; i++) {
                    LuaValue k = value();
                    LuaValue v = value();
                    if (!k.isnil()) {
                        inner.rawset(k, v);
                    }
                }
                LuaTable t = new LuaTable();
                t.rawset(MAP, inner);
                return t;
            }
            case '~': {
                long n = parseLong(line());
                LuaTable inner = new LuaTable();
                for (long i = 0; i < n; i++) {
                    LuaValue k = value();
                    if (!k.isnil()) {
                        inner.rawset(k, LuaValue.TRUE);
                    }
                }
                LuaTable t = new LuaTable();
                t.rawset(SET, inner);
                return t;
            }
            case '_':
                line();
                return LuaValue.NIL;
            case '#': {
                boolean v = b[p] == 't';
                line();
                return LuaValue.valueOf(v);
            }
            case ',': {
                String d = line();
                LuaTable t = new LuaTable();
                t.rawset(DOUBLE, LuaValue.valueOf(parseDouble(d)));
                return t;
            }
            case '(': {
                LuaTable t = new LuaTable();
                t.rawset(BIG_NUMBER, LuaString.valueOf(lineBytes()));
                return t;
            }
            case '=': {
                long n = parseLong(line());
                String format = new String(b, p, 3, StandardCharsets.US_ASCII);
                LuaString s = LuaString.valueOf(java.util.Arrays.copyOfRange(b, p + 4, p + (int) n));
                p += (int) n + 2;
                LuaTable v = new LuaTable();
                v.rawset(STRING, s);
                v.rawset(FORMAT, LuaValue.valueOf(format));
                LuaTable t = new LuaTable();
                t.rawset(VERBATIM, v);
                return t;
            }
            case '|': {
                long n = parseLong(line());
                for (long i = 0; i < 2 * n; i++) {
                    value();
                }
                return value();
            }
            case '>': {
                long n = parseLong(line());
                LuaTable t = new LuaTable();
                for (int i = 1; i <= n; i++) {
                    t.rawset(i, value());
                }
                return t;
            }
            default:
                throw new IllegalStateException("bad reply type " + (char) type);
        }
    }

    private byte[] lineBytes() {
        int start = p;
        while (b[p] != '\r') {
            p++;
        }
        byte[] s = java.util.Arrays.copyOfRange(b, start, p);
        p += 2;
        return s;
    }

    private String line() {
        return new String(lineBytes(), StandardCharsets.US_ASCII);
    }

    private static long parseLong(String s) {
        return Long.parseLong(s);
    }

    private static double parseDouble(String s) {
        switch (s) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
            case "-nan":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }
}
