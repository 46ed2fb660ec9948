package io.pyredis.server.internal;

import java.util.Arrays;

/** A byte string as a map key (channel names, patterns, watched keys with their db). */
final class Bytes {

    final byte[] b;
    private final int hash;

    Bytes(byte[] b) {
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
