package io.pyredis.core.util;

import java.util.Arrays;

/**
 * A key of one database, as the key of the maps of watched keys and blocked clients.
 * Mutable only for a lookup probe reused across lookups (no allocation per lookup).
 */
public final class DbKey {
    public int db;
    public byte[] key;
    private int hash;

    public DbKey() {
    }

    public DbKey(int db, byte[] key) {
        set(db, key);
    }

    public void set(int db, byte[] key) {
        this.db = db;
        this.key = key;
        this.hash = 31 * db + Arrays.hashCode(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbKey && ((DbKey) o).db == db && Arrays.equals(((DbKey) o).key, key);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
