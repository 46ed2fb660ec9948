/**
 * LuaJ 3.0.1 (MIT licence, see LICENSE-THIRD-PARTY.md), repackaged as a module for the scripting
 * pack: the classes are LuaJ's own, unchanged, unpacked into this module by the build.
 */
module org.luaj.vm2 {
    exports org.luaj.vm2;
    exports org.luaj.vm2.compiler;
    exports org.luaj.vm2.lib;
    exports org.luaj.vm2.lib.jse;
}
