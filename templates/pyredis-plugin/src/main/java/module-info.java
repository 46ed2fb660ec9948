/**
 * A pyredis plugin: {@code HITS.INCR} and its data type {@code hits-cntr}. A pack exports
 * nothing; the server finds it through {@link java.util.ServiceLoader}.
 */
module com.example.hits {
    requires io.pyredis.api;
    provides io.pyredis.api.CommandPack with com.example.hits.HitsPack;
}
