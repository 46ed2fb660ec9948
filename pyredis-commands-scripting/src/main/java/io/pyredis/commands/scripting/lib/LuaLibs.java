package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * The C libraries Redis 7.0 loads into its Lua interpreter, rewritten on LuaJ: {@code cjson}
 * (Lua CJSON 2.1.0), {@code cmsgpack} (lua-cmsgpack 0.4.0), {@code struct} and {@code bit}
 * (LuaBitOp 1.0.2), with their results, limits and error texts.
 */
public final class LuaLibs {

    private LuaLibs() {
    }

    /** Sets the globals cjson, cmsgpack, struct and bit, and their package.loaded entries if any. */
    public static void install(Globals g) {
        LuaArgs.register(g, "cjson", Cjson.create());
        LuaArgs.register(g, "struct", LuaStruct.create());
        LuaArgs.register(g, "cmsgpack", Cmsgpack.create());
        LuaArgs.register(g, "bit", Bit.create());
    }

    /**
     * cjson.null, what cjson.decode makes of JSON null (C's NULL lightuserdata), for the engine to
     * reply as Redis does to it.
     */
    public static LuaValue cjsonNull() {
        return Cjson.NULL;
    }
}
