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
    private final boolean drivesTimers;

    /** A clock reading {@code startMillis} (unix ms) until moved; timers still run in real time. */
    public ManualClock(long startMillis) {
        this(startMillis, false);
    }

    private ManualClock(long startMillis, boolean drivesTimers) {
        this.millis = startMillis;
        this.drivesTimers = drivesTimers;
    }

    /**
     * A clock reading {@code startMillis} that also drives the server's timers: a blocked
     * client's timeout fires when this clock passes its deadline, never in real time.
     */
    public static ManualClock drivingTimers(long startMillis) {
        return new ManualClock(startMillis, true);
    }

    @Override
    public boolean drivesTimers() {
        return drivesTimers;
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
