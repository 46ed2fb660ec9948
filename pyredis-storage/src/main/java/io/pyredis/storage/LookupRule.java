package io.pyredis.storage;

/**
 * Which lookups of the running command are reads in Redis's sense (its
 * {@code lookupKeyRead}, not {@code lookupKeyWrite}): those count as keyspace hits and
 * misses in INFO, and a read that misses is reported to {@link KeyListener#keyMissed}
 * (Redis's {@code keymiss} event). Redis decides per lookup call; the server decides per
 * command, which matches what Redis 7.0 does for every built-in command.
 *
 * @since 0.1
 */
public enum LookupRule {

    /** No lookup counts: write commands (INCR, LPUSH, SET without GET) and the server's own lookups. */
    NONE,
    /**
     * Only value reads ({@link io.pyredis.api.Database#get}) count: write commands that read
     * a value as Redis's read commands do (GETDEL, SET … GET, COPY's source, the sources
     * of SINTERSTORE and the other store commands), while their existence checks
     * (SET NX, COPY's destination) do not.
     */
    VALUE_READS,
    /** Every lookup counts: read commands (GET, EXISTS, TYPE, TTL, SCAN's TYPE filter, …). */
    ALL,
    /** Every lookup counts in the statistics, but a miss is not reported: OBJECT, as Redis's LOOKUP_NONOTIFY. */
    ALL_SILENT
}
