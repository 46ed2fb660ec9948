package io.pyredis.commands.scripting;

import io.pyredis.api.Reply;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.nio.charset.StandardCharsets;

/**
 * A script's return value as the reply to its caller, as script_lua.c's
 * luaReplyToRedisReply: strings are bulk strings, numbers integers (truncated), booleans
 * 1 / nil (RESP3 booleans when the script chose RESP3), tables an {@code err} or {@code ok}
 * field, RESP3's {@code double}, {@code big_number}, {@code verbatim_string}, {@code map}
 * and {@code set} forms, else an array up to the first nil; anything else is nil.
 */
final class LuaToReply {

    private static final LuaValue DOUBLE = LuaValue.valueOf("double");
    private static final LuaValue BIG_NUMBER = LuaValue.valueOf("big_number");
    private static final LuaValue VERBATIM = LuaValue.valueOf("verbatim_string");
    private static final LuaValue FORMAT = LuaValue.valueOf("format");
    private static final LuaValue STRING = LuaValue.valueOf("string");
    private static final LuaValue MAP = LuaValue.valueOf("map");
    private static final LuaValue SET = LuaValue.valueOf("set");

    /** How an error table became the reply: its text, and whether it was counted in errorstats already. */
    interface ErrorSink {
        void error(String message, boolean counted);
    }

    /**
     * How deep tables may nest: Redis stops at its Lua stack's limit (lua_checkstack) and
     * answers the rest with an error, so a table that contains itself still gets a reply.
     */
    static final int MAX_DEPTH = 500;

    private LuaToReply() {
    }

    /**
     * Writes {@code v}; an error table at top level or nested goes to {@code errors} when
     * at top level (so the caller can count it) and is written in place when nested.
     *
     * @param resp the protocol the script chose with redis.setresp
     */
    static void write(Reply r, LuaValue v, int resp, ErrorSink errors) {
        write(r, v, resp, errors, 0);
    }

    private static void write(Reply r, LuaValue v, int resp, ErrorSink errors, int depth) {
        if (depth > MAX_DEPTH) {
            r.error("ERR reached lua stack limit");
            return;
        }
        switch (v.type()) {
            case LuaValue.TSTRING:
                LuaString s = v.checkstring();
                r.bulk(s.m_bytes, s.m_offset, s.m_length);
                return;
            case LuaValue.TBOOLEAN:
                if (resp == 2) {
                    if (v.toboolean()) {
                        r.integer(1);
                    } else {
                        r.nullBulk();
                    }
                } else {
                    r.bool(v.toboolean());
                }
                return;
            case LuaValue.TNUMBER:
                r.integer((long) v.todouble());
                return;
            case LuaValue.TTABLE:
                table(r, (LuaTable) v, resp, errors, depth);
                return;
            default:
                r.nullBulk();
        }
    }

    private static void table(Reply r, LuaTable t, int resp, ErrorSink errors, int depth) {
        LuaValue err = t.rawget(LuaErrors.ERR);
        if (err.type() == LuaValue.TSTRING) {
            errors.error(LuaErrors.string(err), t.rawget(LuaErrors.IGNORE_STATS).toboolean());
            return;
        }
        LuaValue ok = t.rawget(LuaErrors.OK);
        if (ok.type() == LuaValue.TSTRING) {
            r.simple(LuaErrors.string(ok));
            return;
        }
        LuaValue d = t.rawget(DOUBLE);
        if (d.type() == LuaValue.TNUMBER) {
            r.doubleValue(d.todouble());
            return;
        }
        LuaValue big = t.rawget(BIG_NUMBER);
        if (big.type() == LuaValue.TSTRING) {
            r.bigNumber(LuaErrors.string(big).replace('\r', ' ').replace('\n', ' '));
            return;
        }
        LuaValue verb = t.rawget(VERBATIM);
        if (verb.type() == LuaValue.TTABLE) {
            LuaValue format = verb.rawget(FORMAT);
            LuaValue str = verb.rawget(STRING);
            if (format.type() == LuaValue.TSTRING && str.type() == LuaValue.TSTRING) {
                LuaString ss = str.checkstring();
                r.verbatim(LuaErrors.string(format), java.util.Arrays.copyOfRange(ss.m_bytes, ss.m_offset,
                        ss.m_offset + ss.m_length));
                return;
            }
        }
        LuaValue map = t.rawget(MAP);
        if (map.type() == LuaValue.TTABLE) {
            LuaTable m = (LuaTable) map;
            int n = 0;
            for (LuaValue k = m.next(LuaValue.NIL).arg1(); !k.isnil(); k = m.next(k).arg1()) {
                n++;
            }
            r.map(n);
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs e = m.next(k);
                if ((k = e.arg1()).isnil()) {
                    break;
                }
                nested(r, k, resp, depth);
                nested(r, e.arg(2), resp, depth);
            }
            return;
        }
        LuaValue set = t.rawget(SET);
        if (set.type() == LuaValue.TTABLE) {
            LuaTable m = (LuaTable) set;
            int n = 0;
            for (LuaValue k = m.next(LuaValue.NIL).arg1(); !k.isnil(); k = m.next(k).arg1()) {
                n++;
            }
            r.set(n);
            for (LuaValue k = m.next(LuaValue.NIL).arg1(); !k.isnil(); k = m.next(k).arg1()) {
                nested(r, k, resp, depth);
            }
            return;
        }
        int n = 0;
        while (!t.rawget(n + 1).isnil()) {
            n++;
        }
        r.array(n);
        for (int i = 1; i <= n; i++) {
            nested(r, t.rawget(i), resp, depth);
        }
    }

    /** An element: a nested error table is written as an error reply in place. */
    private static void nested(Reply r, LuaValue v, int resp, int depth) {
        write(r, v, resp, (message, counted) -> r.error(errorText(message)), depth + 1);
    }

    /**
     * What to give {@link Reply#error} for an error table's text: Redis writes it after a
     * '-' of its own ({@code "-%s"}), so a text that starts with '-' keeps it, where the
     * writer would take it for the reply's.
     */
    static String errorText(String message) {
        return message.startsWith("-") ? "-" + message : message;
    }

    static String text(LuaValue v) {
        return new String(v.checkstring().m_bytes, v.checkstring().m_offset, v.checkstring().m_length,
                StandardCharsets.UTF_8);
    }
}
