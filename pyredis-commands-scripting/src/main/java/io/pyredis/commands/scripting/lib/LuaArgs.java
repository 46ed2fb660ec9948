package io.pyredis.commands.scripting.lib;

import io.pyredis.support.Numbers;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.function.Function;

/**
 * Lua 5.1's auxiliary library (luaL_check*, luaL_argerror, luaL_error) as the C libraries Redis
 * embeds see it, so their arguments convert and their errors read as in Redis.
 */
final class LuaArgs {

    /**
     * Lua 5.1's C stack limit (LUAI_MAXCSTACK): lua_checkstack fails past it, which bounds how deep
     * cjson nests and how many values cmsgpack.unpack returns.
     */
    static final int MAX_C_STACK = 8000;

    private LuaArgs() {
    }

    /** luaL_error from a C function: see {@link CLibError}. */
    static LuaError error(String message) {
        return new CLibError(null, 0, message);
    }

    /** luaL_argerror: {@code bad argument #n to 'name' (message)}. */
    static LuaError argError(String function, int arg, String message) {
        return new CLibError(function, arg, message);
    }

    /** luaL_typerror: {@code bad argument #n to 'name' (number expected, got nil)}. */
    static LuaError typeError(String function, Varargs args, int arg, String expected) {
        String got = arg > args.narg() ? "no value" : args.arg(arg).typename();
        return argError(function, arg, expected + " expected, got " + got);
    }

    /** lua_tonumber: a number, or a string that reads as one; null otherwise. */
    static Double toNumber(LuaValue v) {
        if (v.type() == LuaValue.TNUMBER) {
            return v.todouble();
        }
        if (v.type() == LuaValue.TSTRING) {
            LuaValue n = v.tonumber();
            return n.isnil() ? null : n.todouble();
        }
        return null;
    }

    /** luaL_checknumber. */
    static double checkNumber(String function, Varargs args, int arg) {
        Double d = toNumber(args.arg(arg));
        if (d == null) {
            throw typeError(function, args, arg, "number");
        }
        return d;
    }

    /** luaL_checkinteger: the number truncated towards zero. */
    static long checkInteger(String function, Varargs args, int arg) {
        return (long) checkNumber(function, args, arg);
    }

    /** luaL_optinteger. */
    static long optInteger(String function, Varargs args, int arg, long def) {
        return args.arg(arg).isnil() ? def : checkInteger(function, args, arg);
    }

    /** lua_tolstring: strings as they are, numbers as Lua 5.1 prints them (%.14g); null otherwise. */
    static LuaString toLuaString(LuaValue v) {
        if (v.type() == LuaValue.TSTRING) {
            return v.checkstring();
        }
        if (v.type() == LuaValue.TNUMBER) {
            return LuaValue.valueOf(numberToString(v.todouble()));
        }
        return null;
    }

    /** luaL_checklstring. */
    static LuaString checkString(String function, Varargs args, int arg) {
        LuaString s = toLuaString(args.arg(arg));
        if (s == null) {
            throw typeError(function, args, arg, "string");
        }
        return s;
    }

    /** How Lua 5.1 prints a number (LUA_NUMBER_FMT "%.14g"). */
    static String numberToString(double d) {
        return Numbers.formatG(d, 14);
    }

    /**
     * A Lua number as Lua 5.1 holds it (a double); LuaJ keeps integral values that fit an int as
     * LuaInteger, which prints and compares the same.
     */
    static LuaValue number(double d) {
        return LuaValue.valueOf(d);
    }

    /** A library function named as Lua 5.1 reports it in argument errors. */
    static LuaValue function(String name, Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }

    /**
     * The table's keys and values, alternating, in lua_next's order (one pass, so that the
     * callers can stop at a key without a loop of their own around LuaJ's next).
     */
    static java.util.List<LuaValue> entries(LuaTable t) {
        java.util.List<LuaValue> entries = new java.util.ArrayList<>();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            k = n.arg1();
            if (k.isnil()) {
                return entries;
            }
            entries.add(k);
            entries.add(n.arg(2));
        }
    }

    /** Sets the library table as a global and in package.loaded, as luaL_register does. */
    static void register(LuaTable globals, String name, LuaTable lib) {
        globals.set(name, lib);
        LuaValue pkg = globals.get("package");
        if (pkg.istable()) {
            LuaValue loaded = pkg.get("loaded");
            if (loaded.istable()) {
                loaded.set(name, lib);
            }
        }
    }
}
