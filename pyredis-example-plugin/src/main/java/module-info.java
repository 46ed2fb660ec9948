/**
 * An example pyredis plugin: the {@code RATELIMIT} command. Like every pack it exports
 * nothing; the server finds it through {@link java.util.ServiceLoader}.
 */
module io.pyredis.example.ratelimit {
    requires io.pyredis.api;
    provides io.pyredis.api.CommandPack with io.pyredis.example.ratelimit.RateLimitPack;
}
