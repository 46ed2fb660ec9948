package io.pyredis.commands.scripting;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * LuaJ's interpreter calls its globals' debug library on every instruction: this one is
 * never shown to scripts (no {@code debug} table) and only counts, calling
 * {@link Runnable#run the check} every {@link #PERIOD} instructions, as Redis's count hook
 * (luaMaskCountHook every 100,000 instructions; LuaJ's instructions are cheaper, so more
 * often): the time limit, SCRIPT KILL, the memory bound. Of the calls it keeps only the
 * running functions and the last instruction, so that an error raised by a function that a
 * Lua function tail-called (LuaJ runs tail calls after the caller returned, outside it) can
 * still say where the script was, as Redis's error handler does.
 */
final class ScriptHook extends DebugLib {

    static final int PERIOD = 10_000;

    private final Runnable check;
    private int countdown = PERIOD;
    private LuaFunction[] frames = new LuaFunction[64];
    private int depth;
    private int pc;
    /** The Lua function that returned last. */
    private LuaClosure returned;

    ScriptHook(Runnable check) {
        this.check = check;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        this.pc = pc;
        if (--countdown <= 0) {
            countdown = PERIOD;
            check.run();
        }
    }

    /** Makes the next instruction run the check (after a kill, so that pcall cannot hide it). */
    void checkEveryInstruction(boolean on) {
        countdown = on ? 1 : PERIOD;
    }

    @Override
    public void onCall(LuaFunction f) {
        push(f);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        push(c);
    }

    private void push(LuaFunction f) {
        if (depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = f;
    }

    @Override
    public void onReturn() {
        if (depth > 0) {
            LuaFunction f = frames[--depth];
            frames[depth] = null;
            if (f instanceof LuaClosure c) {
                returned = c;
            }
        }
    }

    /** A new script: no frames. */
    void reset() {
        java.util.Arrays.fill(frames, 0, depth, null);
        depth = 0;
        returned = null;
    }

    /**
     * Where the script was at its last instruction, {@code {source, line}}, when that was in
     * the function that returned last (a tail call's caller); null when unknown.
     */
    String[] lastPosition() {
        LuaClosure c = returned;
        if (c == null || c.p.lineinfo == null || pc < 0 || pc >= c.p.lineinfo.length) {
            return null;
        }
        return new String[] {c.p.source.tojstring(), String.valueOf(c.p.lineinfo[pc])};
    }
}
