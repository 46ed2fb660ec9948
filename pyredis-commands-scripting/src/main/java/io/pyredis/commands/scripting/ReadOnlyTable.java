package io.pyredis.commands.scripting;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A table scripts cannot change once {@link #seal sealed}, as the tables of Redis 7.0's Lua
 * (its lua_enablereadonlytable): the globals and every table reachable from them at start
 * (string, math, redis, ...). Any write, raw or not, and setting the metatable fail with
 * Redis's text.
 */
final class ReadOnlyTable extends LuaTable {

    static final String READONLY = "Attempt to modify a readonly table";
    /**
     * Marks the message of an error raised inside a library function, which Lua 5.1 (its
     * luaG_runerror from C) reports without the script's position.
     */
    static final String UNPOSITIONED = "\u0000";

    private boolean sealed;

    /** From now on, writes fail (or, with false, are allowed again: KEYS and ARGV being set). */
    void seal(boolean on) {
        this.sealed = on;
    }

    boolean sealed() {
        return sealed;
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

    /**
     * A sealed copy of {@code t} and, recursively, of the tables it holds and of its
     * metatable (each copied once: {@code _G} points back at the globals). A table that is
     * sealable itself (the globals) is sealed in place.
     */
    static LuaTable sealedCopy(LuaTable t, java.util.IdentityHashMap<LuaTable, LuaTable> done) {
        LuaTable copy = done.get(t);
        if (copy != null) {
            return copy;
        }
        copy = t instanceof SandboxGlobals ? t : new ReadOnlyTable();
        done.put(t, copy);
        LuaValue k = LuaValue.NIL;
        while (true) {
            org.luaj.vm2.Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) {
                break;
            }
            LuaValue v = n.arg(2);
            if (v instanceof LuaTable vt) {
                copy.rawset(k, sealedCopy(vt, done));
            } else if (copy != t) {
                copy.rawset(k, v);
            }
        }
        LuaValue mt = t.getmetatable();
        if (mt instanceof LuaTable mtt) {
            copy.setmetatable(sealedCopy(mtt, done));
        }
        if (copy instanceof ReadOnlyTable r) {
            r.seal(true);
        } else {
            ((SandboxGlobals) copy).seal(true);
        }
        return copy;
    }
}
