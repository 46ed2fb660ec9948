package io.pyredis.storage;

/**
 * A {@link Clock} that only moves when told to, so tests (ours, and those of users who
 * embed the server) can make keys expire without sleeping. Not thread-safe beyond the
 * visibility of its value: set it from the thread that drives the keyspace, or between
 * commands.
 *
 * @since 0.1
 */
public final class ManualClock implements Clock {

    private volatile long millis;

    /** A clock reading {@code startMillis} (unix ms) until moved. */
    public ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    /** Makes the clock read {@code millis} (unix ms); it may go backwards. */
    public void set(long millis) {
        this.millis = millis;
    }

    /** Moves the clock {@code millis} forwards (backwards when negative). */
    public void advance(long millis) {
        this.millis += millis;
    }
}
