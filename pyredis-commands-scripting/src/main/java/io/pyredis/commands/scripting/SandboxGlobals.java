package io.pyredis.commands.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The scripts' global table, read-only once sealed as {@link ReadOnlyTable}s are. It must be
 * LuaJ's {@link Globals} itself: a function compiled with it as environment is the one
 * that runs the instruction hook and the error handler.
 */
final class SandboxGlobals extends Globals {

    private boolean sealed;

    /** From now on, writes fail (or, with false, are allowed again: KEYS and ARGV being set). */
    void seal(boolean on) {
        this.sealed = on;
    }

    /** A write from a library function (rawset, setmetatable, table.insert): no position, as Redis's. */
    private void check() {
        if (sealed) {
            throw new LuaError(ReadOnlyTable.UNPOSITIONED + ReadOnlyTable.READONLY);
        }
    }

    /** An assignment in the script: the error says where, as Redis's. */
    @Override
    public void set(LuaValue key, LuaValue value) {
        if (sealed) {
            throw new LuaError(ReadOnlyTable.READONLY);
        }
        super.set(key, value);
    }

    @Override
    public void set(int key, LuaValue value) {
        if (sealed) {
            throw new LuaError(ReadOnlyTable.READONLY);
        }
        super.set(key, value);
    }

    @Override
    public void rawset(int key, LuaValue value) {
        check();
        super.rawset(key, value);
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        check();
        super.rawset(key, value);
    }

    @Override
    public void hashset(LuaValue key, LuaValue value) {
        check();
        super.hashset(key, value);
    }

    @Override
    public void insert(int pos, LuaValue value) {
        check();
        super.insert(pos, value);
    }

    @Override
    public LuaValue remove(int pos) {
        check();
        return super.remove(pos);
    }

    @Override
    public void sort(LuaValue comparator) {
        check();
        super.sort(comparator);
    }

    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        check();
        return super.setmetatable(metatable);
    }
}
