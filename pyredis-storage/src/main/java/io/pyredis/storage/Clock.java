package io.pyredis.storage;

/** Where the keyspace gets the time: unix milliseconds. Tests pass a {@link ManualClock}. */
@FunctionalInterface
public interface Clock {
    long millis();

    /**
     * Whether the server's timers (the timeouts of blocked clients) follow this clock
     * rather than real time: true for a test's virtual clock, which only moves when told.
     */
    default boolean drivesTimers() {
        return false;
    }

    static Clock system() {
        return System::currentTimeMillis;
    }
}
