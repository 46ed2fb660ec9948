package io.pyredis.commands.bitmaps;

import io.pyredis.api.Database;
import io.pyredis.api.GrowableString;
import io.pyredis.api.RedisString;

/**
 * Redis's lookupStringForBitCommand: the string a bit-writing command changes, created
 * or zero-padded so that bit {@code maxBit} exists, unshared (a growable copy of an
 * immutable value) and changed in place; {@link #store} then tells the database.
 */
final class BitWrite {

    private final Database db;
    private final byte[] key;
    private final RedisString old;
    private final GrowableString value;
    private final boolean dirty;

    private BitWrite(Database db, byte[] key, RedisString old, GrowableString value, boolean dirty) {
        this.db = db;
        this.key = key;
        this.old = old;
        this.value = value;
        this.dirty = dirty;
    }

    /**
     * Opens {@code key}, whose current value ({@code null} for none) the caller looked up
     * with {@link Database#get(byte[], Class)}.
     */
    static BitWrite open(Database db, byte[] key, RedisString current, long maxBit) {
        long need = Bits.bytesFor(maxBit);
        if (current == null) {
            return new BitWrite(db, key, null, GrowableString.zeros((int) need), true);
        }
        GrowableString g = GrowableString.from(current);
        if (g != current) {
            // As Redis: unshared before any change, so raw even when no bit changes.
            db.unshare(key, g);
        }
        int before = g.length();
        g.writable(need);
        return new BitWrite(db, key, current, g, g.length() != before);
    }

    /** The array to change, valid until {@link #store}; the value is its first {@link #length} bytes. */
    byte[] bytes() {
        return value.array();
    }

    int length() {
        return value.length();
    }

    /** Whether the key was created or grew, a change whatever the bits do (Redis's {@code dirty}). */
    boolean dirty() {
        return dirty;
    }

    /** Tells the database of the change: a new key stored, or a change in place. */
    void store() {
        if (old == null) {
            db.set(key, value);
        } else {
            db.modified(key);
        }
    }
}
