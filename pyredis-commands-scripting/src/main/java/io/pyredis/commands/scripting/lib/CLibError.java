package io.pyredis.commands.scripting.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * An error raised by one of these libraries as luaL_error raises it from a C function: prefixed
 * with the position of the Lua function that called it ("user_script:1: "), or with nothing when a
 * C function (pcall) called it directly; argument errors name the function "?" in that case, as
 * Lua 5.1 cannot name it. LuaJ sets {@link #fileline} in the calling Lua closure's frame, only.
 */
final class CLibError extends LuaError {

    private final String function;
    private final int arg;
    private final String text;

    /** {@code function} null: a plain message; else {@code bad argument #arg to 'function' (text)}. */
    CLibError(String function, int arg, String text) {
        super(text);
        this.function = function;
        this.arg = arg;
        this.text = text;
    }

    private String message() {
        String where = "";
        if (fileline != null) {
            String f = fileline;
            if (f.startsWith("@") || f.startsWith("=")) {
                f = f.substring(1);
            }
            where = f + ": ";
        }
        if (function == null) {
            return where + text;
        }
        return where + "bad argument #" + arg + " to '" + (fileline == null ? "?" : function) + "' (" + text + ")";
    }

    @Override
    public String getMessage() {
        return message();
    }

    @Override
    public LuaValue getMessageObject() {
        return LuaValue.valueOf(message());
    }
}
