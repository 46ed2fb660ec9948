package io.pyredis.core.util;

import java.util.Arrays;

/** A byte string as a map key (channel names, patterns, watched keys with their db). */
public final class Bytes {

    public final byte[] b;
    private final int hash;

    public Bytes(byte[] b) {
        this.b = b;
        this.hash = Arrays.hashCode(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes && ((Bytes) o).hash == hash && Arrays.equals(((Bytes) o).b, b);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
