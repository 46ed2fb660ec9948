/** The keyspace: databases, expiry and persistence. @since 0.1 */
module io.pyredis.storage {
    requires transitive io.pyredis.api;
    requires io.pyredis.support;
    requires org.slf4j;
    exports io.pyredis.storage;
}
