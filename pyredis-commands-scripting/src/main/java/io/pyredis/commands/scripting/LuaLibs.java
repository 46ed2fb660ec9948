package io.pyredis.commands.scripting;

import org.luaj.vm2.Globals;

/**
 * The libraries Redis loads beyond Lua's own: cjson, cmsgpack, struct and bit, written in
 * package {@code io.pyredis.commands.scripting.lib}. The one place they are installed.
 */
final class LuaLibs {

    /** The library globals Redis adds (libraries_allow_list beyond Lua's own). */
    static final String[] NAMES = {"cjson", "bit", "cmsgpack", "struct"};

    private LuaLibs() {
    }

    /** Installs them into {@code g}, each as the global of its name. */
    static void install(Globals g) {
        // TODO(merge of branch lualibs): CjsonLib.install(g); CmsgpackLib.install(g);
        // StructLib.install(g); BitLib.install(g);
    }
}
