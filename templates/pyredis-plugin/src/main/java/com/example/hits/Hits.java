package com.example.hits;

import io.pyredis.api.DataType;
import io.pyredis.api.RedisValue;

/**
 * A hit counter: the value HITS.INCR stores at a key, of the plugin's own data type
 * {@link HitsType}. Used on the server's thread only, so it needs no locks.
 */
final class Hits implements RedisValue {

    private long count;

    long count() {
        return count;
    }

    /** Adds {@code n}; false (and no change) when the count would overflow. */
    boolean add(long n) {
        long sum = count + n;
        if (((count ^ sum) & (n ^ sum)) < 0) {
            return false;
        }
        count = sum;
        return true;
    }

    /** What TYPE shows and WRONGTYPE checks compare: the plugin's type. */
    @Override
    public DataType type() {
        return HitsType.INSTANCE;
    }

    /** Redis replies {@code raw} to OBJECT ENCODING for every module value. */
    @Override
    public String encoding() {
        return "raw";
    }

    /** COPY stores this under the new key. */
    @Override
    public RedisValue copy() {
        Hits h = new Hits();
        h.count = count;
        return h;
    }
}
