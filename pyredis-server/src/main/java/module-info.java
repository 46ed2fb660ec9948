/** The pyredis server. @since 0.1 */
module io.pyredis.server {
    requires io.pyredis.api;
    requires io.pyredis.protocol;
    requires io.pyredis.storage;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    exports io.pyredis.server;
    uses io.pyredis.api.CommandPack;
}
