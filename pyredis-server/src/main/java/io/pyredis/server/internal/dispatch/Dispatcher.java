package io.pyredis.server.internal.dispatch;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.BlockedClients;
import io.pyredis.server.internal.ClientSession;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.PubSub;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.ServerStats;
import io.pyredis.server.internal.persistence.Persistence;
import io.pyredis.server.internal.persistence.aof.Aof;
import io.pyredis.storage.LookupRule;
import io.pyredis.storage.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs one request as Redis's processCommand does: look the command (and subcommand) up,
 * check arity, then authentication, then call it. The hot path: it allocates nothing
 * beyond what the command itself does.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private static final String NOAUTH = "NOAUTH Authentication required.";
    /** Redis truncates names and arguments quoted in errors to 128 bytes. */
    private static final int QUOTE_MAX = 128;

    private final CommandTable commands;
    private final Keyspace keyspace;
    private final ServerStats stats;
    private final BlockedClients blocked;
    private final Persistence persistence;
    private final Aof aof;
    private final PubSub pubsub;

    public Dispatcher(ServerContext server) {
        this.commands = server.commands();
        this.keyspace = server.keyspace();
        this.stats = server.stats();
        this.blocked = server.blockedClients();
        this.persistence = server.persistence();
        this.aof = server.aof();
        this.pubsub = server.pubsub();
    }

    /** Runs {@code args} for {@code c}, writing exactly one reply to its writer. */
    public void dispatch(Connection c, byte[][] args) {
        dispatch(c, args, System.nanoTime());
    }

    /**
     * Runs {@code args} for {@code c}, writing exactly one reply to its writer, as a
     * command that started at {@code startNanos} ({@link System#nanoTime()}). Returns the
     * time it ended (or {@code startNanos} when it did not run), for the next command of
     * the same batch to start from: one clock reading per command for its statistics
     * instead of two (a pipelined command's time then includes its parsing).
     */
    public long dispatch(Connection c, byte[][] args, long startNanos) {
        RespWriter w = c.reply();
        CommandEntry e = commands.get(args[0]);
        if (e == null) {
            stats.errorReply("ERR");
            c.flagTransaction();
            w.raw(unknownCommand(args));
            return startNanos;
        }
        CommandTable subs = e.subcommands();
        if (subs != null && args.length >= 2) {
            CommandEntry sub = subs.get(args[1]);
            if (sub == null) {
                stats.errorReply("ERR");
                c.flagTransaction();
                w.raw(unknownSubcommand(args));
                return startNanos;
            }
            e = sub;
        }
        if (!e.acceptsArgc(args.length)) {
            reject(c, e, "ERR", e.arityError());
            return startNanos;
        }
        ClientSession s = c.session();
        if (!s.authenticated() && !e.noAuth()) {
            reject(c, e, "NOAUTH", NOAUTH);
            return startNanos;
        }
        if (persistence.writesRefused() && refusedByDiskError(e)) {
            reject(c, e, "MISCONF", Persistence.MISCONF);
            return startNanos;
        }
        if (aof.writesRefused() && refusedByDiskError(e)) {
            reject(c, e, "MISCONF", aof.misconf());
            return startNanos;
        }
        if (c.subscriptionCount() > 0 && s.protocol() == 2 && !e.allowedSubscribed()) {
            reject(c, e, "ERR", "ERR Can't execute '" + e.name() + "': only (P|S)SUBSCRIBE / "
                    + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return startNanos;
        }
        if (c.inMulti()) {
            if (e.noMulti()) {
                reject(c, e, "ERR", "ERR Command not allowed inside a transaction");
                return startNanos;
            }
            if (!e.runsInMulti()) {
                s.lastCommand(e);
                c.queue(e, args);
                w.raw(QUEUED);
                return startNanos;
            }
        }
        long end = call(c, e, args, startNanos);
        if (blocked.hasReady()) {
            blocked.serveReady();
        }
        if (pubsub.hasPending()) {
            pubsub.flushPending();
        }
        return end;
    }

    private static final byte[] QUEUED = "+QUEUED\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Redis's rejectCommand: the error, counted, and the transaction (if any) flagged. */
    private void reject(Connection c, CommandEntry e, String code, String message) {
        e.rejectedCalls++;
        stats.errorReply(code);
        c.flagTransaction();
        c.reply().error(message);
    }

    /**
     * Runs a command that passed the checks, as Redis's call(): its reply (or its error),
     * its statistics, and a block it asked for. EXEC calls it for each queued command.
     * Returns the time it ended.
     */
    public long call(Connection c, CommandEntry e, byte[][] args, long startNanos) {
        RespWriter w = c.reply();
        c.session().lastCommand(e);
        keyspace.refreshTime();
        int mark = w.size();
        keyspace.lookupRule(e.lookupRule());
        Aof aof = this.aof;
        boolean recording = aof.recording();
        long dirty = aof.dirty();
        long records = aof.records();
        int db = c.session().db();
        if (recording) {
            aof.enter();
        }
        try {
            e.command().execute(c, args);
        } catch (RedisError err) {
            e.failedCalls++;
            stats.errorReply(err.code());
            replaceReply(c, mark).error(err.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
            e.failedCalls++;
            stats.errorReply("ERR");
            stats.unexpectedErrorReplies++;
            LOG.error("Command '{}' failed", e.name(), ex);
            replaceReply(c, mark).error("ERR internal error in '" + e.name() + "' command: " + ex);
        } finally {
            // The server's own lookups (serving blocked clients, WATCH) are never reads.
            keyspace.lookupRule(LookupRule.NONE);
            if (recording) {
                aof.exit(db, args, dirty, records);
            }
        }
        long end = System.nanoTime();
        e.nanos += end - startNanos;
        e.calls++;
        stats.totalCommandsProcessed++;
        if (c.blockRequested()) {
            c.park((BlockingCommand) e.command(), args, mark);
        }
        return end;
    }

    /** Redis's processCommand refuses writes and PING while the last background save failed. */
    private static boolean refusedByDiskError(CommandEntry e) {
        return e.spec().has(io.pyredis.api.CommandFlag.WRITE) || e.name().equals("ping");
    }

    /** The writer with whatever the failed command wrote removed. */
    private static RespWriter replaceReply(Connection c, int mark) {
        if (c.reply().size() != mark) {
            c.truncateReply(mark);
        }
        return c.reply();
    }

    /**
     * Redis 7.0's commandCheckExistence text: {@code -ERR unknown command 'foo', with args
     * beginning with: 'a' 'b' }, built from bytes so binary names come back as sent. As C
     * formats it, each quoted string stops at a NUL byte, and CR/LF become spaces.
     */
    static byte[] unknownCommand(byte[][] args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        b.writeBytes("-ERR unknown command '".getBytes(StandardCharsets.US_ASCII));
        cString(b, args[0], QUOTE_MAX);
        b.writeBytes("', with args beginning with: ".getBytes(StandardCharsets.US_ASCII));
        int argsLen = 0;
        for (int i = 1; i < args.length && argsLen < QUOTE_MAX; i++) {
            b.write('\'');
            argsLen += 1 + cString(b, args[i], QUOTE_MAX - argsLen);
            b.write('\'');
            b.write(' ');
            argsLen += 2;
        }
        return crlfTerminated(b);
    }

    /** {@code -ERR unknown subcommand 'x'. Try CONFIG HELP.} */
    static byte[] unknownSubcommand(byte[][] args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        b.writeBytes("-ERR unknown subcommand '".getBytes(StandardCharsets.US_ASCII));
        cString(b, args[1], QUOTE_MAX);
        b.writeBytes("'. Try ".getBytes(StandardCharsets.US_ASCII));
        for (byte x : args[0]) {
            if (x == 0) {
                break;
            }
            b.write(x >= 'a' && x <= 'z' ? x - 32 : x);
        }
        b.writeBytes(" HELP.".getBytes(StandardCharsets.US_ASCII));
        return crlfTerminated(b);
    }

    /** Writes {@code s} as C's {@code %.<max>s} would; returns the bytes written. */
    private static int cString(ByteArrayOutputStream b, byte[] s, int max) {
        int n = 0;
        while (n < s.length && n < max && s[n] != 0) {
            n++;
        }
        b.write(s, 0, n);
        return n;
    }

    private static byte[] crlfTerminated(ByteArrayOutputStream b) {
        byte[] out = b.toByteArray();
        for (int i = 1; i < out.length; i++) {
            if (out[i] == '\r' || out[i] == '\n') {
                out[i] = ' ';
            }
        }
        byte[] r = new byte[out.length + 2];
        System.arraycopy(out, 0, r, 0, out.length);
        r[out.length] = '\r';
        r[out.length + 1] = '\n';
        return r;
    }
}
