package io.pyredis.commands.scripting;

/** The pack's state, shared by its commands: the Lua engine and the script cache. */
final class Scripting {

    final LuaEngine engine = new LuaEngine();
    final ScriptCache cache = new ScriptCache(engine);

    /**
     * used_memory_lua: an empty interpreter (32 kB, as Redis reports one) and the compiled
     * scripts, estimated at four times their source (LuaJ's prototypes, constants and closures).
     */
    long luaMemory() {
        return 32768 + 4 * cache.memory();
    }
}
