package io.pyredis.storage;

/** Where the keyspace gets the time: unix milliseconds. Tests pass a {@link ManualClock}. */
@FunctionalInterface
public interface Clock {
    long millis();

    static Clock system() {
        return System::currentTimeMillis;
    }
}
