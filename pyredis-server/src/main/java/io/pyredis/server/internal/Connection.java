package io.pyredis.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.ProtocolException;
import io.pyredis.protocol.RequestParser;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.config.OutputBufferLimitsParam;
import io.pyredis.server.internal.dispatch.Dispatcher;
import io.pyredis.server.internal.net.LoopIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * One client connection: the Netty handler of its channel and the {@link CommandContext}
 * its commands run with (one object for both, reused for every command: nothing is
 * allocated per command). Everything here runs on the server's single event loop.
 *
 * <p>Reads are parsed from the read buffer's array (or, for native memory, from the
 * loop's scratch copy of it); each complete request is dispatched at once and its reply
 * appended to this connection's {@link RespWriter}; the writer's bytes go to the socket
 * once per read batch ({@link #channelReadComplete}), straight from its array when the
 * transport allows ({@link LoopIo#writeNow}).
 */
public final class Connection extends ChannelInboundHandlerAdapter implements CommandContext {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private static final byte[] MAX_CLIENTS = "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DENIED = ("-DENIED Redis is running in protected mode because protected "
            + "mode is enabled and no password is set for the default user. "
            + "In this mode connections are only accepted from the loopback interface. "
            + "If you want to connect from external computers to Redis you "
            + "may adopt one of the following solutions: "
            + "1) Just disable protected mode sending the command "
            + "'CONFIG SET protected-mode no' from the loopback interface "
            + "by connecting to Redis from the same host the server is "
            + "running, however MAKE SURE Redis is not publicly accessible "
            + "from internet if you do so. Use CONFIG REWRITE to make this "
            + "change permanent. "
            + "2) Alternatively you can just disable the protected mode by "
            + "editing the Redis configuration file, and setting the protected "
            + "mode option to 'no', and then restarting the server. "
            + "3) If you started the server manually just for testing, restart "
            + "it with the '--protected-mode no' option. "
            + "4) Setup a an authentication password for the default user. "
            + "NOTE: You only need to do one of the above things in order for "
            + "the server to start accepting connections from the outside.\r\n").getBytes(StandardCharsets.US_ASCII);

    /** A writer grown past this by a big reply is replaced after the flush, as Redis frees big output buffers. */
    private static final int KEEP_WRITER_BYTES = 1 << 20;

    private final ServerContext server;
    private final LoopIo io;
    private final Dispatcher dispatcher;
    private final RequestParser parser;
    private RespWriter writer = new RespWriter(2);
    private Channel channel;
    private ClientSession session;
    /** Set by QUIT and protocol errors: stop reading, flush, close. */
    private boolean closing;

    // Blocking (BLPOP...): see BlockedClients. While paused, input is kept in pending, unparsed.
    private boolean blockRequested;
    private byte[][] blockKeys;
    private long blockTimeout;
    private BlockedClients.Waiter waiter;
    /** Set when a command run again by BlockedClients blocks again. */
    boolean reblocked;
    private boolean blockingDenied;
    private boolean paused;
    private byte[] pending;
    private int pendingLen;

    // MULTI/EXEC and WATCH (null until first used), pub/sub (null until subscribed).
    private Transaction tx;
    private PubSub.Subscriptions subs;
    /** In PubSub's list of connections to flush after the publishing command. */
    boolean flushPending;
    /** When the output buffer went over its class's soft limit (unix ms), 0 when under it. */
    private long softLimitSince;
    /** In the AOF's list of connections whose replies wait for the AOF write of this loop iteration. */
    public boolean aofWaiting;

    public Connection(ServerContext server, LoopIo io) {
        this.server = server;
        this.io = io;
        this.dispatcher = server.dispatcher();
        this.parser = new RequestParser(server.limits());
    }

    /**
     * The AOF loader's client (Redis's fake client): commands run through the dispatcher
     * as a client's would, with no socket; replies accumulate and are dropped by the caller.
     */
    public static Connection fakeClient(ServerContext server) {
        Connection c = new Connection(server, null);
        c.session = new ClientSession(0, "", "", server.clock().millis(), c);
        c.session.authenticated(true);
        return c;
    }

    /** Drops an unfinished MULTI (the AOF loader's, at the end of a file). */
    public void discardTransaction() {
        if (tx != null) {
            tx.reset();
        }
    }

    // ---- CommandContext -------------------------------------------------------------

    @Override
    public ClientSession session() {
        return session;
    }

    @Override
    public Database db() {
        return server.keyspace().db(session.db());
    }

    @Override
    public Database db(int index) {
        if (index < 0 || index >= server.keyspace().databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        return server.keyspace().db(index);
    }

    @Override
    public int databases() {
        return server.keyspace().databases();
    }

    @Override
    public RespWriter reply() {
        return writer;
    }

    @Override
    public long now() {
        return server.keyspace().now();
    }

    @Override
    public String config(String name) {
        return server.config().registry.get(name);
    }

    /**
     * SWAPDB: swaps the keyspace's contents; sessions keep their index. Watches on keys of
     * either database fail first, as Redis's touchAllWatchedKeysInDb; clients blocked on a
     * key that the swapped-in database holds are served after the command, as Redis's
     * scanDatabaseForReadyKeys.
     */
    @Override
    public void swapDatabases(int a, int b) {
        int n = server.keyspace().databases();
        if (a < 0 || a >= n || b < 0 || b >= n) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        if (a != b) {
            server.watches().touchAllInDb(a, b);
            server.watches().touchAllInDb(b, a);
        }
        server.keyspace().swap(a, b);
        server.aof().forceDirty();
        if (a != b) {
            server.blockedClients().databasesSwapped(a, b);
        }
    }

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key) {
        server.notifier().notify(type, event, session.db(), key, this);
    }

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key, int db) {
        server.notifier().notify(type, event, db, key, this);
    }

    @Override
    public void propagate(byte[]... command) {
        server.aof().propagate(session.db(), command);
    }

    @Override
    public long publish(byte[] channel, byte[] message) {
        return server.pubsub().publish(channel, message, this);
    }

    // ---- MULTI/EXEC, pub/sub state --------------------------------------------------

    /** This client's MULTI/WATCH state; created when {@code create}, else null until first used. */
    public Transaction transaction(boolean create) {
        if (tx == null && create) {
            tx = new Transaction();
        }
        return tx;
    }

    /** Whether the client is between MULTI and EXEC. */
    public boolean inMulti() {
        return tx != null && tx.inMulti;
    }

    /** Queues a command between MULTI and EXEC. */
    public void queue(io.pyredis.server.internal.dispatch.CommandEntry e, byte[][] args) {
        tx.queue(e, args);
    }

    /** A command was refused while queueing (Redis's flagTransaction): EXEC will abort. */
    public void flagTransaction() {
        if (tx != null && tx.inMulti) {
            tx.dirtyExec = true;
        }
    }

    PubSub.Subscriptions subscriptions(boolean create) {
        if (subs == null && create) {
            subs = new PubSub.Subscriptions();
        }
        return subs;
    }

    /** Channels, patterns and shard channels subscribed: above 0 the client is in pub/sub mode. */
    public int subscriptionCount() {
        return subs == null ? 0 : subs.total();
    }

    /** Whether the connection is being closed (QUIT, CLIENT KILL, output limits, protocol errors). */
    public boolean isClosing() {
        return closing;
    }

    @Override
    public boolean block(byte[][] keys, long timeoutMillis) {
        if (waiter != null) {
            reblocked = true; // run again while blocked: keeps its place and deadline
            return true;
        }
        if (blockingDenied || session.lastCommand() == null
                || !(session.lastCommand().command() instanceof BlockingCommand)) {
            return false;
        }
        blockRequested = true;
        blockKeys = keys;
        blockTimeout = timeoutMillis;
        return true;
    }

    /** Whether the command just run asked to block; the dispatcher then calls {@link #park}. */
    public boolean blockRequested() {
        return blockRequested;
    }

    /**
     * Blocks this client as its command asked, unless the command replied after all (it
     * failed after calling block): {@code mark} is the reply size before the command ran.
     */
    public void park(BlockingCommand command, byte[][] args, int mark) {
        blockRequested = false;
        byte[][] keys = blockKeys;
        blockKeys = null;
        if (writer.size() == mark) {
            server.blockedClients().park(this, command, args, keys, blockTimeout);
        }
    }

    /** Refuses blocking while set (EXEC sets it for its commands, as Redis's CLIENT_DENY_BLOCKING). */
    public void denyBlocking(boolean deny) {
        this.blockingDenied = deny;
    }

    /** Whether this client waits in a blocking command (CLIENT LIST's {@code b} flag). */
    public boolean isBlocked() {
        return waiter != null;
    }

    BlockedClients.Waiter waiter() {
        return waiter;
    }

    void parked(BlockedClients.Waiter w) {
        waiter = w;
        paused = true;
    }

    void unparked() {
        waiter = null;
    }

    /** After the blocked command replied: processes what the client sent meanwhile. */
    void resume() {
        if (waiter != null || !paused || closing) {
            return;
        }
        paused = false;
        byte[] p = pending;
        int n = pendingLen;
        pending = null;
        pendingLen = 0;
        if (n > 0) {
            process(p, 0, n);
            if (!closing) {
                flush();
            }
        }
    }

    /** Keeps input that arrives or remains while the client is blocked. */
    private void stash(byte[] a, int off, int len) {
        if (len == 0) {
            return;
        }
        if (pending == null) {
            pending = new byte[Math.max(len, 256)];
        } else if (pending.length - pendingLen < len) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pendingLen + len, pending.length * 2));
        }
        System.arraycopy(a, off, pending, pendingLen, len);
        pendingLen += len;
        if (pendingLen > server.limits().queryBufferLimit()) {
            LOG.warn("Closing client {} that reached max query buffer length while blocked", session.remoteAddress());
            close();
        }
    }

    /** The server this connection belongs to: keyspace, config, clients, commands, stats. */
    public ServerContext server() {
        return server;
    }

    /** Sends what is due, then closes the connection (QUIT). */
    public void closeAfterReply() {
        closing = true;
    }

    /** Closes the connection now, dropping replies not yet flushed (CLIENT KILL). */
    public void close() {
        closing = true;
        if (channel != null) {
            channel.close();
        }
    }

    void parserAuthRequired(boolean required) {
        parser.setAuthRequired(required);
    }

    /**
     * Replaces the reply buffer with a copy of its first {@code size} bytes: what the
     * dispatcher does when a command failed half-way through its reply.
     */
    public void truncateReply(int size) {
        RespWriter w = new RespWriter(writer.protocol(), Math.max(1024, size));
        w.raw(writer.buffer(), 0, size);
        writer = w;
    }

    // ---- Netty ----------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ServerStats stats = server.stats();
        ClientRegistry clients = server.clients();
        if (clients.size() >= server.config().maxclients.intValue()) {
            stats.rejectedConnections++;
            rejectAndClose(MAX_CLIENTS);
            return;
        }
        stats.totalConnectionsReceived++;
        boolean noPassword = server.config().requirepass.value().isEmpty();
        if (server.config().protectedMode.isOn() && noPassword && !isLoopback(channel.remoteAddress())) {
            stats.rejectedConnections++;
            rejectAndClose(DENIED);
            return;
        }
        session = new ClientSession(clients.nextId(), address(channel.remoteAddress()),
                address(channel.localAddress()), server.clock().millis(), this);
        session.authenticated(noPassword);
        clients.add(session);
        ctx.fireChannelActive();
    }

    private void rejectAndClose(byte[] message) {
        closing = true;
        server.stats().totalNetOutputBytes += message.length;
        channel.writeAndFlush(channel.alloc().directBuffer(message.length).writeBytes(message))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (waiter != null) {
            server.blockedClients().disconnected(this);
        }
        if (tx != null) {
            server.watches().unwatchAll(tx);
        }
        if (subs != null) {
            server.pubsub().forget(this);
        }
        if (session != null) {
            server.clients().remove(session);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (closing || session == null) {
                return;
            }
            int len = buf.readableBytes();
            server.stats().totalNetInputBytes += len;
            session.touch(server.clock().millis());
            if (buf.hasArray()) {
                if (paused) {
                    stash(buf.array(), buf.arrayOffset() + buf.readerIndex(), len);
                } else {
                    process(buf.array(), buf.arrayOffset() + buf.readerIndex(), len);
                }
            } else {
                byte[] scratch = io.scratch();
                int from = buf.readerIndex();
                while (len > 0 && !closing) {
                    int n = Math.min(len, scratch.length);
                    buf.getBytes(from, scratch, 0, n);
                    if (paused) {
                        stash(scratch, 0, n);
                    } else {
                        process(scratch, 0, n);
                    }
                    from += n;
                    len -= n;
                }
            }
        } finally {
            buf.release();
        }
    }

    private void process(byte[] a, int off, int len) {
        long clock = System.nanoTime();
        try {
            while (len > 0) {
                int n = parser.feed(a, off, len);
                off += n;
                len -= n;
                byte[][] request = parser.take();
                if (request != null) {
                    clock = dispatcher.dispatch(this, request, clock);
                    if (closing) {
                        flushAndClose();
                        return;
                    }
                    if (paused) {
                        stash(a, off, len);
                        return;
                    }
                } else if (n == 0) {
                    return;
                }
            }
        } catch (ProtocolException e) {
            closing = true;
            if (e.silent()) {
                LOG.warn("Closing client {}: {}", session.remoteAddress(), e.getMessage());
            } else {
                LOG.debug("Protocol error ({}) from client {}", e.getMessage(), session.remoteAddress());
                byte[] text = e.getMessage().getBytes(StandardCharsets.ISO_8859_1);
                writer.raw(ERR_PREFIX);
                writer.raw(text);
                writer.raw(CRLF);
            }
            flushAndClose();
        }
    }

    private static final byte[] ERR_PREFIX = "-ERR ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!closing) {
            flush();
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Writes and flushes the replies written so far; a no-op when there are none. While
     * commands recorded for the AOF wait to be written, the replies wait for that write
     * (at the end of this loop iteration, see {@code Aof.deferFlush}).
     */
    public void flush() {
        int size = writer.size();
        if (size == 0 || channel == null) {
            return;
        }
        if (server.aof().replyMustWait()) {
            server.aof().deferFlush(this);
            return;
        }
        server.stats().totalNetOutputBytes += size;
        byte[] b = writer.buffer();
        int done = io.writeNow(channel, b, 0, size);
        if (done < size) {
            ByteBuf out = channel.alloc().directBuffer(size - done);
            out.writeBytes(b, done, size - done);
            channel.writeAndFlush(out, channel.voidPromise());
        }
        if (b.length > KEEP_WRITER_BYTES) {
            writer = new RespWriter(writer.protocol());
        } else {
            writer.reset();
        }
        if (done < size || softLimitSince != 0) {
            checkOutputLimits();
        }
    }

    /**
     * Redis's checkClientOutputBufferLimits, on what the socket has not taken yet: over the
     * hard limit of the client's class, or over the soft limit for longer than its seconds,
     * the client is closed (and its queued output freed) instead of growing the heap.
     */
    private void checkOutputLimits() {
        io.netty.channel.ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        long used = queued == null ? 0 : queued.totalPendingWriteBytes();
        int cls = subscriptionCount() > 0 ? OutputBufferLimitsParam.PUBSUB : OutputBufferLimitsParam.NORMAL;
        OutputBufferLimitsParam.Limit limit = server.config().clientOutputBufferLimit.value().of(cls);
        boolean hard = limit.hard() > 0 && used >= limit.hard();
        boolean soft = false;
        if (limit.soft() > 0 && used >= limit.soft()) {
            long now = server.clock().millis();
            if (softLimitSince == 0) {
                softLimitSince = now;
            } else {
                soft = now - softLimitSince > limit.softSeconds() * 1000;
            }
        } else {
            softLimitSince = 0;
        }
        if ((hard || soft) && !closing) {
            LOG.warn("Client id={} addr={} scheduled to be closed ASAP for overcoming of output buffer limits.",
                    session.id(), session.remoteAddress());
            close();
        }
    }

    private void flushAndClose() {
        if (server.aof().replyMustWait()) {
            server.aof().flushNow();
        }
        flush();
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that sends faster than it reads its replies is read no further until
        // the socket drains, instead of piling replies up in memory.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Client {} closed: {}", session == null ? "?" : session.remoteAddress(), cause.toString());
        } else {
            LOG.warn("Closing client {} after an unexpected error", session == null ? "?" : session.remoteAddress(), cause);
        }
        ctx.close();
    }

    /** Whether the client is on the loopback interface (or is no network client at all). */
    public boolean isLocal() {
        return channel == null || isLoopback(channel.remoteAddress());
    }

    private static boolean isLoopback(SocketAddress a) {
        return !(a instanceof InetSocketAddress) || ((InetSocketAddress) a).getAddress() == null
                || ((InetSocketAddress) a).getAddress().isLoopbackAddress();
    }

    private static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress) {
            InetSocketAddress i = (InetSocketAddress) a;
            String host = i.getAddress() == null ? i.getHostString() : i.getAddress().getHostAddress();
            int pct = host.indexOf('%');
            if (pct >= 0) {
                host = host.substring(0, pct);
            }
            // Redis's anetFormatAddr: IPv6 addresses in brackets.
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + i.getPort();
        }
        return String.valueOf(a);
    }
}
