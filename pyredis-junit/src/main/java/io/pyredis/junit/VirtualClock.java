package io.pyredis.junit;

import io.pyredis.server.PyRedisServer;
import io.pyredis.storage.ManualClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock of a {@link PyRedisTest} server: it stands still until the test moves it.
 * Moving it makes keys whose TTL has passed expire (a read sees nil at once; the active
 * expiry cycle reclaims them before {@link #advance} returns) and makes blocked clients
 * whose timeout has passed get their timeout reply (a {@code BLPOP k 5} answers nil right
 * after {@code advance(Duration.ofSeconds(5))}).
 *
 * @since 0.1
 */
public final class VirtualClock {

    private final ManualClock clock;
    private volatile PyRedisServer server;

    VirtualClock(long startMillis) {
        this.clock = ManualClock.drivingTimers(startMillis);
    }

    ManualClock clock() {
        return clock;
    }

    void attach(PyRedisServer s) {
        this.server = s;
    }

    /** What the server's clock reads. */
    public Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /** What the server's clock reads, in unix milliseconds. */
    public long millis() {
        return clock.millis();
    }

    /**
     * Moves the clock forwards by {@code d} (at millisecond precision) and returns once the
     * server has acted on it: expired keys reclaimed, timed-out blocked clients answered
     * (their replies are on their way).
     *
     * @throws IllegalArgumentException when {@code d} is negative
     */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a virtual clock only moves forwards: " + d);
        }
        clock.advance(d.toMillis());
        PyRedisServer s = server;
        if (s != null && !s.isClosed()) {
            s.clockMoved();
        }
    }
}
