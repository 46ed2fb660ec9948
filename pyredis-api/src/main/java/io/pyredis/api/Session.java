package io.pyredis.api;

/**
 * The client connection a command runs for: read-only to commands. The server's own
 * connection commands (SELECT, HELLO, CLIENT SETNAME, ...) change it through the server.
 *
 * @since 0.1
 */
public interface Session {

    /** The client id, as CLIENT ID replies; unique for the life of the server. */
    long id();

    /** The protocol the client chose with HELLO: 2 (the default) or 3. */
    int protocol();

    /** The index of the selected database. */
    int db();

    /** The name set with CLIENT SETNAME or HELLO SETNAME, or {@code null}. */
    String name();

    /** The peer address as {@code ip:port}. */
    String remoteAddress();
}
