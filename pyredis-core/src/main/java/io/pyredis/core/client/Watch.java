package io.pyredis.core.client;

/** One client's WATCH on one key. */
public final class Watch {

    private final Transaction owner;
    private final int db;
    private final byte[] key;
    private boolean expiredAtWatch;

    /**
     * @param expiredAtWatch the key was stored but already expired when watched (Redis's
     *                       {@code wk->expired}): its deletion for that expiry is no change
     */
    public Watch(Transaction owner, int db, byte[] key, boolean expiredAtWatch) {
        this.owner = owner;
        this.db = db;
        this.key = key;
        this.expiredAtWatch = expiredAtWatch;
    }

    public Transaction owner() {
        return owner;
    }

    public int db() {
        return db;
    }

    public byte[] key() {
        return key;
    }

    public boolean expiredAtWatch() {
        return expiredAtWatch;
    }

    public void expiredAtWatch(boolean expired) {
        this.expiredAtWatch = expired;
    }
}
