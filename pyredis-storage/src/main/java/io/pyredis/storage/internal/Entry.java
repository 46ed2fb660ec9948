package io.pyredis.storage.internal;

import io.pyredis.api.RedisValue;

/** One key of a {@link Db}: a hash chain link that also carries the key's deadline. */
final class Entry {

    /** {@link #expireAt} of a key without a deadline: never less than a clock reading. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    final byte[] key;
    final int hash;
    RedisValue value;
    /**
     * Unix ms; the key is expired when the time is past it. Keys without a deadline hold
     * {@link #NO_DEADLINE}, so the expiry check on every lookup is one comparison.
     */
    long expireAt = NO_DEADLINE;
    /** Position in the expires array, -1 when the key has no deadline. */
    int expIdx = -1;
    Entry next;
    /**
     * What this key and its value take as Redis would count them ({@link
     * io.pyredis.storage.MemoryUsage}), as last measured: the database keeps the sum, so a
     * removal subtracts this instead of walking the value.
     */
    long mem;
    /**
     * When the key was last read or written: seconds since {@link KeyspaceState#baseSeconds}
     * (OBJECT IDLETIME). With the counter below it fits in the padding of the object.
     */
    int access;
    /** Redis's 8-bit logarithmic LFU counter (OBJECT FREQ), as of {@link #access}. */
    byte freq = KeyspaceState.LFU_INIT_VAL;
    /**
     * Which snapshot saw this key last: equal to {@link KeyspaceState#saveMark} once the
     * running snapshot has written it (or when it was created after the snapshot began),
     * different while the snapshot still has to. Fits in the padding, like the two above.
     */
    byte saveMark;

    Entry(byte[] key, int hash, RedisValue value) {
        this.key = key;
        this.hash = hash;
        this.value = value;
    }
}
