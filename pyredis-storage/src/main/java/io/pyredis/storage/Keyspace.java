package io.pyredis.storage;

/** STUB: the databases of the server. */
public final class Keyspace {
    public Keyspace(int databases, Clock clock) {
    }
}
