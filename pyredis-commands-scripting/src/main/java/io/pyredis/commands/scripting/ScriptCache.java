package io.pyredis.commands.scripting;

import io.pyredis.api.RedisError;
import org.luaj.vm2.LuaFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * The scripts EVAL and SCRIPT LOAD compiled, by the SHA1 of their body, as eval.c's
 * lua_scripts: each body compiles once, and EVALSHA finds it. SCRIPT FLUSH empties it.
 */
final class ScriptCache {

    /** One compiled script. */
    record Script(String sha, byte[] body, int flags, LuaFunction function) {
    }

    private final LuaEngine engine;
    private final Map<String, Script> scripts = new HashMap<>();
    /** lua_scripts_mem: the bodies and names kept. */
    private long memory;

    ScriptCache(LuaEngine engine) {
        this.engine = engine;
    }

    /** The script of {@code sha} (any case), or null. */
    Script get(String sha) {
        return scripts.get(sha.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The script of {@code body}, compiled and kept when new, as luaCreateFunction.
     *
     * @throws RedisError a bad shebang, or {@code ERR Error compiling script (new function): ...}
     */
    Script add(byte[] body) {
        String sha = Sha1.hex(body);
        Script s = scripts.get(sha);
        if (s != null) {
            return s;
        }
        Shebang shebang = Shebang.parse(body);
        LuaFunction f;
        try {
            f = engine.compile(body, shebang.length(), "@user_script");
        } catch (LuaEngine.CompileError e) {
            throw new RedisError("ERR Error compiling script (new function): " + e.getMessage());
        }
        s = new Script(sha, body, shebang.flags(), f);
        scripts.put(sha, s);
        memory += 40 + 16 + body.length + 16;
        return s;
    }

    int size() {
        return scripts.size();
    }

    long memory() {
        return memory;
    }

    /** SCRIPT FLUSH. */
    void clear() {
        scripts.clear();
        memory = 0;
    }
}
