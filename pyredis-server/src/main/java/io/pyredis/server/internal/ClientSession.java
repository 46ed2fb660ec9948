package io.pyredis.server.internal;

import io.pyredis.api.Session;
import io.pyredis.server.internal.dispatch.CommandEntry;

/**
 * The state of one client connection: what CLIENT LIST, CLIENT INFO and HELLO show.
 * Changed only on the event loop thread.
 */
public final class ClientSession implements Session {

    private final long id;
    private final String remoteAddress;
    private final String localAddress;
    private final long createdMillis;
    private final Connection connection;

    private int protocol = 2;
    private int db;
    private String name;
    private boolean authenticated;
    private long lastInteractionMillis;
    private CommandEntry lastCommand;
    private int fd;

    ClientSession(long id, String remoteAddress, String localAddress, long nowMillis, Connection connection) {
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.createdMillis = nowMillis;
        this.lastInteractionMillis = nowMillis;
        this.connection = connection;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    /** Switches RESP2/RESP3 (HELLO, RESET); the reply encoder follows. */
    public void protocol(int protocol) {
        this.protocol = protocol;
        connection.reply().setProtocol(protocol);
    }

    @Override
    public int db() {
        return db;
    }

    /** Selects database {@code index}; the caller has checked the range. */
    public void db(int index) {
        this.db = index;
    }

    @Override
    public String name() {
        return name;
    }

    /** Sets the client name; null or empty clears it, as CLIENT SETNAME "" does. */
    public void name(String name) {
        this.name = name == null || name.isEmpty() ? null : name;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The server side of the connection as {@code ip:port} (CLIENT LIST's laddr). */
    public String localAddress() {
        return localAddress;
    }

    /** Whether the client may run commands without the no_auth flag. */
    public boolean authenticated() {
        return authenticated;
    }

    /** Marks the client (un)authenticated; also relaxes or tightens the parser's limits. */
    public void authenticated(boolean authenticated) {
        this.authenticated = authenticated;
        connection.parserAuthRequired(!authenticated);
    }

    /** When the connection was accepted, in unix ms (CLIENT LIST's age). */
    public long createdMillis() {
        return createdMillis;
    }

    /** When the client last sent something, in unix ms (CLIENT LIST's idle; the timeout). */
    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    void touch(long nowMillis) {
        this.lastInteractionMillis = nowMillis;
    }

    /** The last command run (CLIENT LIST's cmd shows its name), or null before the first. */
    public CommandEntry lastCommand() {
        return lastCommand;
    }

    /** Set by the dispatcher. */
    public void lastCommand(CommandEntry entry) {
        this.lastCommand = entry;
    }

    /** A number per connection, reused after it closes (CLIENT LIST's fd; Netty hides the real descriptor). */
    public int fd() {
        return fd;
    }

    void fd(int fd) {
        this.fd = fd;
    }

    /** The connection, to close it (CLIENT KILL) or write to it outside a command. */
    public Connection connection() {
        return connection;
    }
}
