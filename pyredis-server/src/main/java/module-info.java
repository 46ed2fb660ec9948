/**
 * The pyredis server: config, network, dispatch, plugin loading and the built-in
 * connection and server commands. Exports only {@link io.pyredis.server.PyRedisServer}
 * (to embed a server) and {@link io.pyredis.server.Main}.
 *
 * @since 0.1
 */
module io.pyredis.server {
    requires transitive io.pyredis.api;
    requires io.pyredis.support;
    requires io.pyredis.protocol;
    requires transitive io.pyredis.storage;
    requires io.pyredis.core;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    // Not used here: resolving it lets Netty (automatic modules read every module) use
    // sun.misc.Unsafe, without which its buffers have no memory address and every socket
    // read and write goes through slower JNI and ByteBuffer paths.
    requires jdk.unsupported;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;
    exports io.pyredis.server;
    uses io.pyredis.api.CommandPack;
}
