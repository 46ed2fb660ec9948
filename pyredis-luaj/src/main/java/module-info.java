/**
 * LuaJ 3.0.1 (MIT licence, see LICENSE-THIRD-PARTY.md), repackaged as a module for the scripting
 * pack: the classes are LuaJ's own, unpacked into this module by the build, but for LuaDouble,
 * built here from LuaJ's source to print numbers as Lua 5.1 does.
 */
module org.luaj.vm2 {
    exports org.luaj.vm2;
    exports org.luaj.vm2.compiler;
    exports org.luaj.vm2.lib;
    exports org.luaj.vm2.lib.jse;
}
