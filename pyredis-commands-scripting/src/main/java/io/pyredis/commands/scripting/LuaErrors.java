package io.pyredis.commands.scripting;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.nio.charset.StandardCharsets;

/** Redis's error tables ({@code {err='CODE message'}}), as script_lua.c's luaPushErrorBuff builds them. */
final class LuaErrors {

    static final LuaValue ERR = LuaValue.valueOf("err");
    static final LuaValue OK = LuaValue.valueOf("ok");
    static final LuaValue SOURCE = LuaValue.valueOf("source");
    static final LuaValue LINE = LuaValue.valueOf("line");
    static final LuaValue IGNORE_STATS = LuaValue.valueOf("ignore_error_stats_update");

    private LuaErrors() {
    }

    /**
     * {@code {err=...}} from {@code "-CODE msg"} (the code kept) or {@code "msg"} (code ERR),
     * trailing CR/LF trimmed.
     */
    static LuaTable table(String error) {
        String code;
        String msg;
        if (error.startsWith("-")) {
            int sp = error.indexOf(' ');
            if (sp < 0) {
                code = "ERR";
                msg = error.substring(1);
            } else {
                code = error.substring(1, sp);
                msg = error.substring(sp + 1);
            }
        } else {
            code = "ERR";
            msg = error;
        }
        msg = trim(msg);
        LuaTable t = new LuaTable();
        t.rawset(ERR, LuaValue.valueOf(code + " " + msg));
        return t;
    }

    /** An error table for an error a command answered or the server refused: its stats are counted already. */
    static LuaTable counted(String error) {
        LuaTable t = table(error);
        t.rawset(IGNORE_STATS, LuaValue.TRUE);
        return t;
    }

    /** sdstrim(s, "\r\n"): CR and LF off both ends. */
    private static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == '\r' || s.charAt(b) == '\n')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == '\r' || s.charAt(e - 1) == '\n')) {
            e--;
        }
        return s.substring(b, e);
    }

    static String string(LuaValue v) {
        return new String(v.checkstring().m_bytes, v.checkstring().m_offset, v.checkstring().m_length,
                StandardCharsets.UTF_8);
    }
}
