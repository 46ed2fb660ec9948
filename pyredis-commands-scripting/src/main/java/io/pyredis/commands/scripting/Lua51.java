package io.pyredis.commands.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.io.ByteArrayInputStream;

/**
 * What Redis's Lua 5.1 has and LuaJ (a Lua 5.2) names otherwise or lacks: {@code unpack},
 * {@code loadstring}, {@code gcinfo}, {@code table.getn}, {@code table.maxn}, {@code math.mod},
 * {@code math.log10}; Redis's {@code pcall} (an error table's {@code err} becomes the
 * message) and its {@code math.random}/{@code math.randomseed} (redisLrand48).
 */
final class Lua51 {

    private Lua51() {
    }

    static void install(LuaTable g, Globals globals, LuaTable base, RedisRandom random, LuaEngine engine) {
        LuaTable table = (LuaTable) globals.get("table");
        LuaTable math = (LuaTable) globals.get("math");
        g.rawset("unpack", table.get("unpack"));
        table.rawset("getn", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(args.checktable(1).length());
            }
        });
        table.rawset("maxn", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaTable t = args.checktable(1);
                double max = 0;
                for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
                    if (k.isnumber() && k.todouble() > max) {
                        max = k.todouble();
                    }
                }
                return LuaValue.valueOf(max);
            }
        });
        math.rawset("mod", math.get("fmod"));
        math.rawset("log10", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(Math.log10(args.checkdouble(1)));
            }
        });
        math.rawset("random", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (engine.current() == null) {
                    throw new LuaError("math.random can only be called inside a script invocation");
                }
                double r = (double) (random.next() % RedisRandom.MAX) / (double) RedisRandom.MAX;
                switch (args.narg()) {
                    case 0:
                        return LuaValue.valueOf(r);
                    case 1: {
                        int u = args.checkint(1);
                        if (u < 1) {
                            throw new LuaError("bad argument #1 to 'random' (interval is empty)");
                        }
                        return LuaValue.valueOf(Math.floor(r * u) + 1);
                    }
                    case 2: {
                        int l = args.checkint(1);
                        int u = args.checkint(2);
                        if (l > u) {
                            throw new LuaError("bad argument #2 to 'random' (interval is empty)");
                        }
                        return LuaValue.valueOf(Math.floor(r * (u - l + 1)) + l);
                    }
                    default:
                        throw new LuaError("wrong number of arguments");
                }
            }
        });
        math.rawset("randomseed", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (engine.current() == null) {
                    throw new LuaError("math.randomseed can only be called inside a script invocation");
                }
                random.seed(args.checkint(1));
                return LuaValue.NONE;
            }
        });
        g.rawset("gcinfo", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                Runtime rt = Runtime.getRuntime();
                return LuaValue.valueOf((rt.totalMemory() - rt.freeMemory()) / 1024);
            }
        });
        LuaValue basePcall = base.get("pcall");
        g.rawset("pcall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                Varargs r = basePcall.invoke(args);
                if (!r.arg1().toboolean() && r.arg(2).istable()) {
                    LuaValue err = r.arg(2).rawget(LuaErrors.ERR);
                    if (err.isstring()) {
                        return LuaValue.varargsOf(LuaValue.FALSE, err);
                    }
                }
                return r;
            }
        });
        VarArgFunction loadstring = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue chunk = args.arg1();
                if (chunk.isfunction()) {
                    return base.get("load").invoke(LuaValue.varargsOf(new LuaValue[] {chunk,
                        args.optvalue(2, LuaValue.valueOf("=(load)")), LuaValue.valueOf("t"), engine.env()}));
                }
                org.luaj.vm2.LuaString s = args.checkstring(1);
                String name = args.optjstring(2, null);
                if (name == null) {
                    name = "[string \"" + shortSource(s.tojstring()) + "\"]";
                }
                try {
                    return globals.load(new ByteArrayInputStream(s.m_bytes, s.m_offset, s.m_length), name, "t",
                            engine.env());
                } catch (LuaError e) {
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
                }
            }
        };
        g.rawset("loadstring", loadstring);
        g.rawset("load", loadstring);
    }

    /** Lua's chunk id of a string chunk: its first line, cut. */
    private static String shortSource(String s) {
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        if (first.length() > 45 || nl >= 0) {
            return (first.length() > 45 ? first.substring(0, 45) : first) + "...";
        }
        return first;
    }
}
