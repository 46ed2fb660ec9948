/**
 * An example pyredis plugin: the {@code RATELIMIT} command, and a ring buffer data type
 * of its own ({@code RING.PUSH}, {@code RING.RANGE}, {@code RING.LEN}) that persists.
 * Like every pack it exports nothing; the server finds it through
 * {@link java.util.ServiceLoader}.
 */
module io.pyredis.example.ratelimit {
    requires io.pyredis.api;
    provides io.pyredis.api.CommandPack with io.pyredis.example.ratelimit.RateLimitPack,
            io.pyredis.example.ring.RingPack;
}
