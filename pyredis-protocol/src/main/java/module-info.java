/** RESP2/RESP3 wire format: request parser, reply encoder, reply parser. @since 0.1 */
module io.pyredis.protocol {
    requires transitive io.pyredis.api;
    requires io.pyredis.support;
    exports io.pyredis.protocol;
}
