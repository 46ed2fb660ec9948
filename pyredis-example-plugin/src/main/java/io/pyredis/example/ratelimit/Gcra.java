package io.pyredis.example.ratelimit;

/**
 * The Generic Cell Rate Algorithm, kept apart from the keyspace so its arithmetic can be
 * tested on its own.
 *
 * <p>A limit of {@code max} requests per {@code period} becomes an emission interval
 * {@code T = period / max}: each request of cost {@code c} pushes the key's theoretical
 * arrival time (TAT) {@code c*T} further into the future, and a request is allowed while
 * the new TAT stays within {@code max*T} of now. So a fresh key takes a burst of
 * {@code max} requests at once, and after that one request every {@code T}. The whole
 * state is one number per key, and the key can expire the moment its TAT is in the past,
 * because an expired key and a key whose TAT has passed behave alike.
 *
 * <p>Time is in microseconds and {@code T} is rounded down to whole microseconds, so a
 * burst of exactly {@code max} requests always fits, whatever the period.
 */
final class Gcra {

    /** Marks "no state stored for the key": it behaves as a key whose TAT has passed. */
    static final long NO_STATE = Long.MIN_VALUE;

    private Gcra() {
    }

    /**
     * What one request decides.
     *
     * @param limited     whether the request is refused
     * @param limit       the maximum number of requests per period
     * @param remaining   how many more cost-1 requests would be allowed right now
     * @param retryAfter  microseconds until this request would be allowed; -1 when it is
     *                    allowed, or when it can never be (its cost exceeds the limit)
     * @param resetAfter  microseconds until the key is back to its full burst
     * @param newTat      the TAT to store, or {@link #NO_STATE} when nothing changes
     */
    record Decision(boolean limited, long limit, long remaining, long retryAfter,
                    long resetAfter, long newTat) {
    }

    /**
     * Decides one request.
     *
     * @param storedTat    the key's TAT in unix microseconds, or {@link #NO_STATE}
     * @param now          the time of the request in unix microseconds
     * @param max          requests per period, at least 1 and at most {@code periodMicros}
     * @param periodMicros the period, at least 1
     * @param cost         the weight of this request, at least 0; 0 only asks
     */
    static Decision decide(long storedTat, long now, long max, long periodMicros, long cost) {
        long interval = periodMicros / max;
        long tolerance = interval * max;
        // A TAT further out than the tolerance was not written by us (a user SET the key):
        // treat it as a fully used burst rather than let it overflow the sums below.
        long tat = storedTat == NO_STATE ? now : Math.min(Math.max(storedTat, now), now + tolerance);
        long remainingBefore = Math.max(0, (now - (tat - tolerance)) / interval);
        if (cost > max) {
            return new Decision(true, max, remainingBefore, -1, tat - now, NO_STATE);
        }
        long newTat = tat + interval * cost;
        long allowAt = newTat - tolerance;
        if (now < allowAt) {
            return new Decision(true, max, remainingBefore, allowAt - now, tat - now, NO_STATE);
        }
        long remaining = (now - allowAt) / interval;
        return new Decision(false, max, remaining, -1, newTat - now, cost == 0 ? NO_STATE : newTat);
    }
}
