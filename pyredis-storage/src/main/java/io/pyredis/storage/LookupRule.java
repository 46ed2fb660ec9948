package io.pyredis.storage;

/**
 * How the running command's lookups count, as Redis's {@code lookupKeyRead} and
 * {@code lookupKeyWrite} differ: read lookups count as keyspace hits and misses in INFO,
 * and a read that misses is reported to {@link KeyListener#keyMissed} (Redis's
 * {@code keymiss} event). The server sets it per command from the command's flags; a write
 * command that reads a value as GET does asks for it per lookup with
 * {@link io.pyredis.api.Database#read}.
 *
 * @since 0.1
 */
public enum LookupRule {

    /** Lookups do not count: write commands (INCR, LPUSH, SET without GET) and the server's own lookups. */
    NONE,
    /** Every lookup counts: read commands (GET, EXISTS, TYPE, TTL, SCAN's TYPE filter, …). */
    ALL
}
