package io.pyredis.core.client;

import io.pyredis.api.Session;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.protocol.ProtocolException;
import io.pyredis.protocol.RequestParser;
import io.pyredis.protocol.RespLimits;
import io.pyredis.protocol.RespWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One client, as Redis's {@code client} struct: its session (id, protocol, database, name,
 * authentication), its input (the request parser, and what waits while it is blocked),
 * its reply writer, its transaction, subscriptions and blocking state. A plain object:
 * the transport hands it bytes ({@link #feed}) and takes its replies through its
 * {@link ClientOutput}; everything here runs on the server's one loop thread.
 *
 * <p>Replies are appended to the writer as commands run and go to the output once per read
 * batch ({@link #flush}), or when a blocked client is served, a published message arrives,
 * and so on.
 */
public final class Client implements Session {

    private static final Logger LOG = LoggerFactory.getLogger(Client.class);

    /** The id of the AOF loader's client, as Redis's {@code CLIENT_ID_AOF} (UINT64_MAX). */
    public static final long AOF_CLIENT_ID = -1L;

    /** A writer grown past this by a big reply is replaced after the flush, as Redis frees big output buffers. */
    private static final int KEEP_WRITER_BYTES = 1 << 20;
    /** Redis's PROTO_REPLY_CHUNK_BYTES: past a reply buffer this big, Redis checks the output limits on every reply. */
    private static final int REPLY_CHUNK_BYTES = 16 * 1024;
    private static final byte[] ERR_PREFIX = "-ERR ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final long id;
    private final String remoteAddress;
    private final String localAddress;
    private final long createdMillis;
    private final ClientHost host;
    private final ClientOutput output;
    private final RequestParser parser;
    private RespWriter writer = new RespWriter(2);

    private int protocol = 2;
    private int db;
    private String name;
    private boolean authenticated;
    /** The ACL user it runs as (Redis's c->user); null for the server's own clients, which may run anything. */
    private io.pyredis.core.acl.AclUser user;
    private long lastInteractionMillis;
    private CommandEntry lastCommand;
    /** The running command's arguments as the slow log and MONITOR show them, once one was redacted; else null. */
    private byte[][] originalArgv;
    private boolean monitor;
    private boolean noEvict;
    /** Whether the connection is a replica's after its SYNC/PSYNC (Redis's CLIENT_SLAVE). */
    private boolean replica;
    /** CLIENT REPLY: OFF, SKIP (this command), SKIP_NEXT (the next one), as Redis's flags. */
    private boolean replyOff;
    private boolean replySkip;
    private boolean replySkipNext;
    /** Whether the running command wrote a push (pub/sub confirmations, which CLIENT REPLY does not silence). */
    private boolean pushed;
    /** Bytes of the request being parsed so far (it may span reads). */
    private long requestBytes;
    /** While a command runs: the bytes of the read it came in (and of a request it ended), Redis's qbuf; else 0. */
    private long queryBuffer;
    private int fd;

    /** Set by QUIT, CLIENT KILL and protocol errors: read no more, send what is due, close. */
    private boolean closing;

    // Blocking (BLPOP...). While blocked the client is paused: input is kept unparsed in pending.
    private boolean blockRequested;
    private byte[][] blockKeys;
    private long blockTimeout;
    private Block block;
    private boolean reblocked;
    private boolean blockingDenied;
    private boolean paused;
    private byte[] pending;
    private int pendingLen;

    // MULTI/EXEC and WATCH, pub/sub: null until first used.
    private Transaction tx;
    private Subscriptions subs;
    /** Whether the pub/sub registry has this client in its list to flush after the publishing command. */
    private boolean flushQueued;
    /** Whether the host holds this client's replies (see {@link ClientHost#holdReplies}). */
    private boolean held;
    /** When the queued output went over its class's soft limit (unix ms), 0 when under it. */
    private long softLimitSince;
    /** Client-side caching: null while CLIENT TRACKING is off. */
    private TrackingState tracking;

    /**
     * @param output where replies go; null for a client without a connection (the AOF
     *               loader's, a test's), whose replies stay in {@link #reply()}
     */
    public Client(ClientHost host, long id, ClientOutput output, String remoteAddress, String localAddress,
                  RespLimits limits) {
        this.host = host;
        this.id = id;
        this.output = output;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.createdMillis = host.millis();
        this.lastInteractionMillis = createdMillis;
        this.parser = new RequestParser(limits);
    }

    // ---- input ---------------------------------------------------------------------

    /**
     * Bytes read from the connection: each complete request runs at once, in order; while
     * the client is blocked they wait, unparsed, until it is served.
     */
    public void feed(byte[] a, int off, int len) {
        if (closing) {
            return;
        }
        host.stats().totalNetInputBytes += len;
        host.stats().totalReadsProcessed++;
        lastInteractionMillis = host.millis();
        if (paused) {
            stash(a, off, len);
        } else {
            process(a, off, len);
        }
    }

    private void process(byte[] a, int off, int len) {
        long clock = System.nanoTime();
        // Redis trims its query buffer once the whole read is processed: meanwhile it holds
        // the unfinished request read before and all of this read.
        long buffered = requestBytes + len;
        try {
            while (len > 0) {
                int n = parser.feed(a, off, len);
                off += n;
                len -= n;
                requestBytes += n;
                byte[][] request = parser.take();
                if (request != null) {
                    int mark = writer.size();
                    queryBuffer = buffered;
                    requestBytes = 0;
                    clock = host.process(this, request, clock);
                    queryBuffer = 0;
                    if (writer.size() > REPLY_CHUNK_BYTES && overHardOutputLimit()) {
                        // The replies of one read can be huge (a thousand GETs of a big value
                        // pipelined): the hard limit is checked as they are added, as Redis
                        // checks it on every reply past its 16 KB buffer, not once they are all built.
                        closeForOutputLimit();
                        return;
                    }
                    if (block == null) {
                        afterRequest(mark);
                    }
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
                LOG.warn("Closing client {}: {}", remoteAddress, e.getMessage());
            } else {
                LOG.debug("Protocol error ({}) from client {}", e.getMessage(), remoteAddress);
                writer.raw(ERR_PREFIX);
                writer.raw(e.getMessage().getBytes(StandardCharsets.ISO_8859_1));
                writer.raw(CRLF);
            }
            flushAndClose();
        }
    }

    /**
     * What Redis's resetClient and prepareClientToWrite do about CLIENT REPLY: the reply of a
     * silenced command is dropped (pushes excepted), and SKIP moves on to the next command.
     */
    private void afterRequest(int mark) {
        if ((replyOff || replySkip) && !pushed && writer.size() > mark) {
            truncateReply(mark);
        }
        pushed = false;
        replySkip = false;
        if (replySkipNext) {
            replySkip = true;
            replySkipNext = false;
        }
    }

    /**
     * CLIENT LIST's qbuf: while this client's command runs, the bytes of the read it came
     * in (with the start of its request read before); between commands, what a partly read
     * request holds.
     */
    public long queryBufferBytes() {
        return queryBuffer != 0 ? queryBuffer : requestBytes + pendingLen;
    }

    /**
     * A blocked command's reply was written from {@code mark} on (served, timed out,
     * unblocked, or held by CLIENT PAUSE and run at last): what Redis's unblockClient does
     * with the reset it put off, CLIENT REPLY's silencing included.
     */
    public void blockedCommandReplied(int mark) {
        afterRequest(mark);
    }

    /** CLIENT REPLY's modes. */
    public enum ReplyMode { ON, OFF, SKIP }

    /** CLIENT REPLY ON | OFF | SKIP: ON clears OFF and SKIP; SKIP (unless OFF) silences the next command only. */
    public void replyMode(ReplyMode mode) {
        switch (mode) {
            case ON -> {
                replyOff = false;
                replySkip = false;
            }
            case OFF -> replyOff = true;
            case SKIP -> {
                if (!replyOff) {
                    replySkipNext = true;
                }
            }
        }
    }

    /** RESET: CLIENT REPLY OFF and a pending SKIP are forgotten (Redis's clearClientConnectionState). */
    public void resetReplyMode() {
        replyOff = false;
        replySkipNext = false;
    }

    /** The running command wrote a push reply, which CLIENT REPLY OFF and SKIP let through (Redis's CLIENT_PUSHING). */
    public void pushed() {
        pushed = true;
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
        if (pendingLen > host.queryBufferLimit()) {
            LOG.warn("Closing client {} that reached max query buffer length while blocked", remoteAddress);
            close();
        }
    }

    /** After its blocked command replied: processes what the client sent meanwhile. */
    public void resume() {
        if (block != null || !paused || closing) {
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

    // ---- output --------------------------------------------------------------------

    /** The reply writer: what commands write into. */
    public RespWriter reply() {
        return writer;
    }

    /**
     * Replaces the reply buffer with a copy of its first {@code size} bytes: what the call
     * unit does when a command failed half-way through its reply.
     */
    public void truncateReply(int size) {
        RespWriter w = new RespWriter(writer.protocol(), Math.max(1024, size));
        w.raw(writer.buffer(), 0, size);
        writer = w;
    }

    /**
     * Sends the replies written so far; a no-op when there are none or no connection. While
     * the host holds replies (an AOF write pending), they wait and the host sends them.
     */
    public void flush() {
        int size = writer.size();
        if (size == 0 || output == null) {
            return;
        }
        if (host.holdReplies(this)) {
            return;
        }
        host.stats().totalNetOutputBytes += size;
        host.stats().totalWritesProcessed++;
        byte[] b = writer.buffer();
        boolean queued = output.write(b, 0, size);
        if (b.length > KEEP_WRITER_BYTES) {
            writer = new RespWriter(writer.protocol());
        } else {
            writer.reset();
        }
        if (queued || softLimitSince != 0) {
            checkOutputLimits();
        }
    }

    /** Whether replies written and not sent reach the hard output limit of the client's class. */
    private boolean overHardOutputLimit() {
        long hard = host.outputLimit(subscriptionCount() > 0).hard();
        return hard > 0 && writer.size() + output.queuedBytes() >= hard;
    }

    private void closeForOutputLimit() {
        LOG.warn("Client id={} addr={} scheduled to be closed ASAP for overcoming of output buffer limits.",
                id, remoteAddress);
        writer = new RespWriter(writer.protocol());
        close();
    }

    /**
     * The bytes of replies queued on the connection and not yet sent (CLIENT LIST's omem):
     * what the output limits are checked against.
     */
    public long queuedOutputBytes() {
        return output == null ? 0 : output.queuedBytes();
    }

    /**
     * Redis's checkClientOutputBufferLimits, on what the connection has not sent yet: over
     * the hard limit of the client's class, or over the soft limit for longer than its
     * seconds, the client is closed (and its queued output dropped) instead of growing the heap.
     */
    private void checkOutputLimits() {
        long used = output.queuedBytes();
        OutputLimit limit = host.outputLimit(subscriptionCount() > 0);
        boolean hard = limit.hard() > 0 && used >= limit.hard();
        boolean soft = false;
        if (limit.soft() > 0 && used >= limit.soft()) {
            long now = host.millis();
            if (softLimitSince == 0) {
                softLimitSince = now;
            } else {
                soft = now - softLimitSince > limit.softSeconds() * 1000;
            }
        } else {
            softLimitSince = 0;
        }
        if ((hard || soft) && !closing) {
            closeForOutputLimit();
        }
    }

    private void flushAndClose() {
        host.releaseRepliesNow();
        flush();
        if (output != null) {
            output.closeAfterWrites();
        }
    }

    /** Whether the host holds this client's replies. */
    public boolean held() {
        return held;
    }

    /** Set by the host when it holds or releases this client's replies. */
    public void held(boolean held) {
        this.held = held;
    }

    /** Whether the pub/sub registry will flush this client after the publishing command. */
    public boolean flushQueued() {
        return flushQueued;
    }

    public void flushQueued(boolean queued) {
        this.flushQueued = queued;
    }

    // ---- closing -------------------------------------------------------------------

    /** Whether the client is being closed (QUIT, CLIENT KILL, output limits, protocol errors). */
    public boolean isClosing() {
        return closing;
    }

    /** Sends what is due, then closes the connection (QUIT). */
    public void closeAfterReply() {
        closing = true;
    }

    /** Closes the connection now, dropping replies not yet sent (CLIENT KILL). */
    public void close() {
        closing = true;
        if (output != null) {
            output.close();
        }
    }

    /** Marks the client gone (its connection closed): nothing is read or sent any more. */
    public void disconnected() {
        closing = true;
    }

    /** Whether the client is on the loopback interface (or is no network client at all). */
    public boolean isLocal() {
        return output == null || output.isLocal();
    }

    /** Whether the client has a connection (not the AOF loader's or a script's). */
    public boolean hasConnection() {
        return output != null;
    }

    // ---- session -------------------------------------------------------------------

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
        writer.setProtocol(protocol);
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

    /** Marks the client (un)authenticated; the parser's limits for unauthenticated clients follow. */
    public void authenticated(boolean authenticated) {
        this.authenticated = authenticated;
        parser.setAuthRequired(!authenticated);
    }

    /** The ACL user the client runs as; null for the AOF loader's and other internal clients. */
    public io.pyredis.core.acl.AclUser user() {
        return user;
    }

    /** Sets the user (AUTH, HELLO AUTH, a new connection's default user, RESET). */
    public void user(io.pyredis.core.acl.AclUser user) {
        this.user = user;
    }

    /** When the client was created, in unix ms (CLIENT LIST's age). */
    public long createdMillis() {
        return createdMillis;
    }

    /** When the client last sent something, in unix ms (CLIENT LIST's idle; the timeout). */
    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    /** The last command run (CLIENT LIST's cmd shows its name), or null before the first. */
    public CommandEntry lastCommand() {
        return lastCommand;
    }

    /** Set by the call unit. */
    public void lastCommand(CommandEntry entry) {
        this.lastCommand = entry;
    }

    /** Redis's shared.redacted: what replaces a secret in the slow log and MONITOR. */
    private static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

    /**
     * Hides argument {@code index} of the running command {@code argv} from the slow log
     * and MONITOR (Redis's redactClientCommandArgument): AUTH's password, CONFIG SET's
     * sensitive values, HELLO's AUTH pair.
     */
    public void redactArgument(byte[][] argv, int index) {
        if (originalArgv == null) {
            originalArgv = argv.clone();
        }
        originalArgv[index] = REDACTED;
    }

    /** What the slow log and MONITOR show of the running command {@code argv}: it, or its redacted copy. */
    public byte[][] shownArgv(byte[][] argv) {
        return originalArgv == null ? argv : originalArgv;
    }

    /** Forgets the redacted copy (after the call; a blocked command keeps it until served). */
    public void clearShownArgv() {
        originalArgv = null;
    }

    /** Whether the client is in MONITOR mode (Redis's CLIENT_MONITOR). */
    public boolean monitor() {
        return monitor;
    }

    public void monitor(boolean on) {
        this.monitor = on;
    }

    /** Whether this is a replica's connection (Redis's CLIENT_SLAVE, flag {@code S}). */
    public boolean replica() {
        return replica;
    }

    public void replica(boolean on) {
        this.replica = on;
    }

    /**
     * The connection itself, for the replication stream, which bypasses the reply writer
     * (an RDB payload and the command stream are no replies); null without a connection.
     */
    public ClientOutput output() {
        return output;
    }

    /** CLIENT NO-EVICT (Redis's CLIENT_NO_EVICT, flag {@code e}). */
    public boolean noEvict() {
        return noEvict;
    }

    public void noEvict(boolean on) {
        this.noEvict = on;
    }

    /** A number per connection, reused after it closes (CLIENT LIST's fd; the transport hides the real one). */
    public int fd() {
        return fd;
    }

    /** Set by the client registry. */
    void fd(int fd) {
        this.fd = fd;
    }

    // ---- MULTI/EXEC, pub/sub -------------------------------------------------------

    /** This client's MULTI/WATCH state; created when {@code create}, else null until first used. */
    public Transaction transaction(boolean create) {
        if (tx == null && create) {
            tx = new Transaction();
        }
        return tx;
    }

    /** Whether the client is between MULTI and EXEC. */
    public boolean inMulti() {
        return tx != null && tx.inMulti();
    }

    /** A command was refused while queueing (Redis's flagTransaction): EXEC will abort. */
    public void flagTransaction() {
        if (tx != null) {
            tx.flagExec();
        }
    }

    /** This client's subscriptions; created when {@code create}, else null until it subscribes. */
    public Subscriptions subscriptions(boolean create) {
        if (subs == null && create) {
            subs = new Subscriptions();
        }
        return subs;
    }

    /** Channels, patterns and shard channels subscribed: above 0 the client is in pub/sub mode. */
    public int subscriptionCount() {
        return subs == null ? 0 : subs.total();
    }

    // ---- client-side caching ----------------------------------------------------------

    /** The tracking state, or null while CLIENT TRACKING is off. */
    public TrackingState tracking() {
        return tracking;
    }

    /** Set by the engine's tracking when it turns tracking on (a state) or off (null). */
    public void tracking(TrackingState state) {
        this.tracking = state;
    }

    // ---- blocking ------------------------------------------------------------------

    /**
     * A blocking command found nothing to serve and asks to wait on {@code keys}: the call
     * unit parks the client once the command has returned. Refused (false) while blocking
     * is denied (inside EXEC, a script).
     */
    public boolean requestBlock(byte[][] keys, long timeoutMillis) {
        if (block != null) {
            reblocked = true; // run again while blocked: keeps its place and deadline
            return true;
        }
        if (blockingDenied) {
            return false;
        }
        blockRequested = true;
        blockKeys = keys;
        blockTimeout = timeoutMillis;
        return true;
    }

    /** Whether the command just run asked to block. */
    public boolean blockRequested() {
        return blockRequested;
    }

    /** The keys the command asked to wait on; clears the request. */
    public byte[][] takeBlockRequest() {
        blockRequested = false;
        byte[][] k = blockKeys;
        blockKeys = null;
        return k;
    }

    /** The timeout of the last block request, in ms, 0 for ever. */
    public long blockTimeout() {
        return blockTimeout;
    }

    /** Whether a command re-run while blocked asked to block again (it stays blocked). */
    public boolean reblocked() {
        return reblocked;
    }

    public void reblocked(boolean again) {
        this.reblocked = again;
    }

    /** Refuses blocking while set (EXEC sets it for its commands, as Redis's CLIENT_DENY_BLOCKING). */
    public void denyBlocking(boolean deny) {
        this.blockingDenied = deny;
    }

    /** Whether blocking is refused now. */
    public boolean blockingDenied() {
        return blockingDenied;
    }

    /** Whether this client waits in a blocking command (CLIENT LIST's {@code b} flag). */
    public boolean isBlocked() {
        return block != null;
    }

    /** The client's wait, or null. */
    public Block block() {
        return block;
    }

    /** The client starts waiting: from now on its requests wait in its buffer. */
    public void parked(Block b) {
        block = b;
        paused = true;
    }

    /** The wait is over (served, timed out, unblocked, disconnected). */
    public void unparked() {
        block = null;
    }
}
