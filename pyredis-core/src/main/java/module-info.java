/**
 * The execution core of pyredis: clients as plain objects (no transport types), the command
 * table, the one call path every command takes whoever sends it (a network client, EXEC, a
 * blocked client's re-run, the AOF loader, a test), MULTI/EXEC and WATCH, blocking,
 * pub/sub and keyspace notifications, and what commands propagate. Its packages are
 * exported to the server only (the testkit runs on the class path): plugins see
 * {@code io.pyredis.api}.
 *
 * @since 0.1
 */
module io.pyredis.core {
    requires transitive io.pyredis.api;
    requires transitive io.pyredis.protocol;
    requires transitive io.pyredis.storage;
    requires io.pyredis.support;
    requires org.slf4j;
    exports io.pyredis.core to io.pyredis.server;
    exports io.pyredis.core.acl to io.pyredis.server;
    exports io.pyredis.core.client to io.pyredis.server;
    exports io.pyredis.core.command to io.pyredis.server;
    exports io.pyredis.core.exec to io.pyredis.server;
    exports io.pyredis.core.loop to io.pyredis.server;
    exports io.pyredis.core.pubsub to io.pyredis.server;
    exports io.pyredis.core.stats to io.pyredis.server;
    exports io.pyredis.core.util to io.pyredis.server;
}
