package io.pyredis.core.exec;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.RedisError;
import io.pyredis.core.acl.Acl;
import io.pyredis.core.acl.AclLog;
import io.pyredis.core.acl.AclUser;
import io.pyredis.core.client.Block;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.TrackingState;
import io.pyredis.core.client.Transaction;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.command.Role;
import io.pyredis.core.pubsub.Notifier;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.core.stats.ServerStats;
import io.pyredis.core.util.DbKey;
import io.pyredis.core.util.Failures;
import io.pyredis.protocol.RespWriter;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.LookupRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a command runs, as Redis's processCommand and call(): every client request,
 * every command EXEC runs, a blocked client's re-run, the AOF loader's commands and the
 * testkit's go through here, so they are looked up, checked, executed, counted,
 * propagated and followed by the same work whoever sent them.
 *
 * <p>{@link #process} is processCommand: look the command (and subcommand) up, check arity,
 * authentication, MULTI, disk errors and the pub/sub context in Redis's order, queue it in
 * MULTI or {@link #call} it, then serve clients whose keys became ready. {@link #call} is
 * call(): run it with its context, turn a thrown {@link RedisError} into the reply,
 * count INFO's commandstats and errorstats, record what it propagates (or itself, when it
 * changed data and recorded nothing), and, at the outermost level, hand the unit to the
 * propagation sinks. The hot path allocates nothing beyond what the command itself does.
 */
public final class CallUnit {

    private static final Logger LOG = LoggerFactory.getLogger(CallUnit.class);

    /** Count the call in commandstats (Redis's CMD_CALL_STATS). */
    public static final int CALL_STATS = 1;
    /** Propagate the call (Redis's CMD_CALL_PROPAGATE). */
    public static final int CALL_PROPAGATE = 2;
    /** A client's command, EXEC's commands: everything (Redis's CMD_CALL_FULL). */
    public static final int CALL_FULL = CALL_STATS | CALL_PROPAGATE;
    /** Neither: the AOF loader's commands (Redis's CMD_CALL_NONE). */
    public static final int CALL_NONE = 0;
    /** A blocked client's command run again: its time and failure count, not a new call. */
    static final int CALL_UNBLOCK = 4;

    private static final String NOAUTH = "NOAUTH Authentication required.";
    /** Redis's shared.oomerr. */
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    /** Redis truncates names and arguments quoted in errors to 128 bytes. */
    private static final int QUOTE_MAX = 128;
    private static final byte[] QUEUED = "+QUEUED\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Keyspace keyspace;
    private final CommandTable commands;
    private final ServerStats stats;
    private final Notifier notifier;
    private final PubSub pubsub;
    private final Propagation propagation = new Propagation();
    private final RunningCommand running = new RunningCommand();
    private final Watches watches;
    private final BlockedClients blocked;
    private final ClientPause pause;
    private CallObserver[] observers = new CallObserver[0];
    private Function<String, String> config = name -> null;
    private Supplier<String> diskError = () -> null;
    private Function<Client, String> writeRefusal = c -> null;
    private java.util.function.BiFunction<CommandEntry, Client, String> protectedGate = (e, c) -> null;
    private java.util.function.BooleanSupplier outOfMemory = () -> false;
    private final Acl acl;
    private Function<Client, String> clientInfo = c -> "";

    private final ScriptCalls scripts = new ScriptCalls(this);
    /** Redis's server.pre_command_oom_state: out of memory when the running top-level command began. */
    private boolean preCommandOom;

    /** Nesting depth of call(): 0 outside any command. */
    private int depth;
    private CallContext[] contexts = new CallContext[4];
    /** Redis's server.dirty: key changes seen, for the before/after test of verbatim propagation. */
    private long dirty;
    /** The running command asked not to be propagated for the key changes it made (DEBUG POPULATE, RELOAD). */
    private boolean noVerbatim;
    /** Redis's prev_err_count of incrCommandStatsOnError. */
    private long prevErrorCount;

    CallUnit(Keyspace keyspace, CommandTable commands, ServerStats stats, Notifier notifier, PubSub pubsub,
             Watches watches, BlockedClients blocked, ClientPause pause) {
        this.keyspace = keyspace;
        this.commands = commands;
        this.stats = stats;
        this.notifier = notifier;
        this.pubsub = pubsub;
        this.watches = watches;
        this.blocked = blocked;
        this.pause = pause;
        this.acl = new Acl(commands);
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new CallContext(this);
        }
    }

    /**
     * A call unit over {@code keyspace} with its own watches and blocked clients; the engine
     * wires the rest.
     */
    public static CallUnit create(Keyspace keyspace, CommandTable commands, ServerStats stats, Notifier notifier,
                                  PubSub pubsub, io.pyredis.core.loop.Loop loop) {
        Watches w = new Watches(keyspace);
        BlockedClients b = new BlockedClients(keyspace, loop);
        ClientPause p = new ClientPause(loop, keyspace);
        CallUnit u = new CallUnit(keyspace, commands, stats, notifier, pubsub, w, b, p);
        b.attach(u);
        p.attach(b);
        return u;
    }

    // ---- wiring --------------------------------------------------------------------

    /** What {@code CommandContext.config} answers (CONFIG GET's values). */
    public void configView(Function<String, String> view) {
        this.config = view;
    }

    /**
     * The reason writes (and PING) are refused, Redis's writeCommandsDeniedByDiskError: a
     * {@code MISCONF ...} text, or null when the disk is fine.
     */
    public void diskErrorCheck(Supplier<String> check) {
        this.diskError = check;
    }

    /**
     * The reason {@code c}'s writes are refused by replication: too few good replicas
     * (min-replicas-to-write, Redis's {@code NOREPLICAS ...}) or a read-only replica
     * ({@code READONLY ...}); null when they may run. The error code is the text's first word.
     */
    public void writeRefusal(Function<Client, String> check) {
        this.writeRefusal = check;
    }

    /**
     * Who may run the commands flagged {@code protected} (Redis's allowProtectedAction on
     * enable-debug-command): the refusal text for {@code c}, or null when it may. Checked
     * right after arity, as processCommand does.
     */
    public void protectedGate(java.util.function.BiFunction<CommandEntry, Client, String> gate) {
        this.protectedGate = gate;
    }

    /**
     * Redis's {@code performEvictions() == EVICT_FAIL} before each command: evicts what
     * maxmemory-policy allows and answers whether memory is still over maxmemory with
     * nothing left to evict (false at once when no maxmemory is set).
     */
    public void memoryCheck(java.util.function.BooleanSupplier check) {
        this.outOfMemory = check;
    }

    /** The ACL whose rules every call is checked against. */
    public Acl acl() {
        return acl;
    }

    /** CLIENT INFO's line of a client, for ACL LOG entries. */
    public void clientInfo(Function<Client, String> info) {
        this.clientInfo = info;
    }

    /**
     * The ACL check of processCommand (and of EXEC and scripts' commands): null when the
     * client's user may run the call, else the denial, logged in ACL LOG with
     * {@code context}. A client without a user (the server's own) may run anything.
     */
    public Acl.Denial aclCheck(Client c, CommandEntry e, byte[][] args, AclLog.Context context) {
        AclUser u = c.user();
        if (u == null || u.unrestricted()) {
            return null;
        }
        Acl.Denial d = acl.check(u, e, args);
        if (d != null) {
            acl.log().add(d.reason(), context, d.object(e, args), u.nameBytes(), clientInfo.apply(c),
                    System.currentTimeMillis());
        }
        return d;
    }

    /** ACLAuthenticateUser's log entry for a failed AUTH or HELLO AUTH of {@code c} as {@code username}. */
    public void aclLogAuthFailure(Client c, byte[] command, byte[] username) {
        acl.log().add(Acl.DENIED_AUTH, c.inMulti() ? AclLog.Context.MULTI : AclLog.Context.TOPLEVEL, command, username,
                clientInfo.apply(c), System.currentTimeMillis());
    }

    /** Adds what is told of every call (slow log, latency monitor, MONITOR, tracking). */
    public void addObserver(CallObserver o) {
        CallObserver[] a = java.util.Arrays.copyOf(observers, observers.length + 1);
        a[observers.length] = o;
        observers = a;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    /** The plugin command running now, for the watchdog. */
    public RunningCommand running() {
        return running;
    }

    public CommandTable commands() {
        return commands;
    }

    public ServerStats stats() {
        return stats;
    }

    public Notifier notifier() {
        return notifier;
    }

    public PubSub pubsub() {
        return pubsub;
    }

    public Propagation propagation() {
        return propagation;
    }

    public Watches watches() {
        return watches;
    }

    /** Scripts' commands (the script client and the running script's state). */
    public ScriptCalls scripts() {
        return scripts;
    }

    /** The MISCONF text writes are refused with now, or null. */
    String diskErrorText() {
        return diskError.get();
    }

    /** Whether memory was over maxmemory, with nothing to evict, when the top-level command began. */
    boolean preCommandOom() {
        return preCommandOom;
    }

    public BlockedClients blocked() {
        return blocked;
    }

    /** CLIENT PAUSE's state. */
    public ClientPause pause() {
        return pause;
    }

    String config(String name) {
        return config.apply(name);
    }

    /** Whether a command is running (outside: the cron, an expiry cycle, a timer). */
    public boolean inCall() {
        return depth > 0;
    }

    /**
     * The outermost call running now, as Redis's server.current_client is its client: the
     * client's own command, EXEC (around its queued commands), a script's caller (around the
     * script's commands), a blocked client's re-run; null outside any command.
     */
    public CallContext outermost() {
        return depth > 0 ? contexts[0] : null;
    }

    /** The call running now (a script's command, not the script), or null outside any command. */
    public CallContext innermost() {
        return depth > 0 ? contexts[depth - 1] : null;
    }

    /**
     * The innermost enclosing call made for another client than the running call's: a
     * script's EVAL around the commands the script runs with its own client (Redis's
     * script_caller, with the command it is running, EXEC's or not); null when there is none.
     */
    CallContext callerOfOtherClient() {
        if (depth == 0) {
            return null;
        }
        Client c = contexts[depth - 1].client();
        for (int i = depth - 2; i >= 0; i--) {
            if (contexts[i].client() != c) {
                return contexts[i];
            }
        }
        return null;
    }

    /** Whether the call running now runs inside another (EXEC's commands, a script's): Redis's in_nested_call. */
    public boolean nested() {
        return depth > 1;
    }

    /** A change no key listener reports (SWAPDB): the command is propagated. */
    public void forceDirty() {
        dirty++;
    }

    /**
     * The running command's key changes are not to be propagated as the command itself
     * (Redis's commands that change data without server.dirty: DEBUG POPULATE, RELOAD, LOADAOF).
     */
    void preventVerbatimPropagation() {
        noVerbatim = true;
    }

    /**
     * A script's command refused before it ran (scriptCall's error path): counted as an error
     * reply and a rejected call, and, as incrCommandStatsOnError, not again as the script's
     * command's failure.
     */
    void rejectedInScript(CommandEntry e, String code) {
        stats.errorReply(code);
        if (e != null) {
            e.rejectedCalls++;
        }
        prevErrorCount = stats.totalErrorReplies;
    }

    /** A key changed (the keyspace's listener). */
    void keyModified() {
        dirty++;
    }

    // ---- processCommand ----------------------------------------------------------------

    /**
     * Runs one request of {@code c}, writing exactly one reply (or none, when the client
     * blocks), as a command that started at {@code startNanos}. Returns the time it ended
     * (or {@code startNanos} when it did not run), for the next command of the same batch:
     * one clock reading per command for its statistics instead of two.
     */
    public long process(Client c, byte[][] args, long startNanos) {
        CommandEntry e = commands.get(args[0]);
        if (e == null) {
            rejectRaw(c, unknownCommand(args));
            c.lastCommand(null);
            return startNanos;
        }
        CommandTable subs = e.subcommands();
        if (subs != null && args.length >= 2) {
            CommandEntry sub = subs.get(args[1]);
            if (sub == null) {
                rejectRaw(c, unknownSubcommand(args));
                c.lastCommand(null);
                return startNanos;
            }
            e = sub;
        }
        c.lastCommand(e);
        if (!e.acceptsArgc(args.length)) {
            reject(c, e, "ERR", e.arityError());
            return startNanos;
        }
        if (e.isProtected()) {
            String refusal = protectedGate.apply(e, c);
            if (refusal != null) {
                reject(c, e, "ERR", refusal);
                return startNanos;
            }
        }
        if (!c.authenticated() && !e.noAuth() && acl.authRequired()) {
            reject(c, e, "NOAUTH", NOAUTH);
            return startNanos;
        }
        boolean inMulti = c.inMulti();
        if (inMulti && e.noMulti()) {
            reject(c, e, "ERR", "ERR Command not allowed inside a transaction");
            return startNanos;
        }
        AclUser user = c.user();
        if (user != null && !user.unrestricted()) {
            Acl.Denial d = aclCheck(c, e, args, inMulti ? AclLog.Context.MULTI : AclLog.Context.TOPLEVEL);
            if (d != null) {
                reject(c, e, "NOPERM", d.message(e));
                return startNanos;
            }
        }
        Role role = e.role();
        // The call's own flags (EVAL of a script with a shebang), as Redis's getCommandFlags.
        java.util.Set<io.pyredis.api.CommandFlag> flags = e.flags(args);
        preCommandOom = outOfMemory.getAsBoolean();
        if (preCommandOom && rejectOnOom(c, e, flags, role, inMulti)) {
            reject(c, e, "OOM", OOM);
            return startNanos;
        }
        String disk = diskError.get();
        boolean write = flags == e.flags() ? e.isWrite() : flags.contains(io.pyredis.api.CommandFlag.WRITE);
        if (disk != null && (write || role == Role.PING || (role == Role.EXEC && queuedWrite(c)))) {
            reject(c, e, "MISCONF", disk);
            return startNanos;
        }
        if (e.isWrite() || (role == Role.EXEC && queuedWrite(c))) {
            String refused = writeRefusal.apply(c);
            if (refused != null) {
                reject(c, e, refused.substring(0, refused.indexOf(' ')), refused);
                return startNanos;
            }
        }
        if (c.subscriptionCount() > 0 && c.protocol() == 2 && !role.allowedSubscribed()) {
            reject(c, e, "ERR", "ERR Can't execute '" + e.name() + "': only (P|S)SUBSCRIBE / "
                    + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return startNanos;
        }
        if (c.monitor() && (e.isWrite() || e.flags().contains(io.pyredis.api.CommandFlag.READONLY)
                || e.flags().contains(io.pyredis.api.CommandFlag.MAY_REPLICATE))) {
            // A MONITOR client is a replica to Redis (CLIENT_SLAVE).
            reject(c, e, "ERR", "ERR Replica can't interact with the keyspace");
            return startNanos;
        }
        if (pause.active() && c.id() != Client.AOF_CLIENT_ID && pause.holds(c, e)) {
            // As Redis: held before it is queued or run, processed again when the pause ends.
            blocked.postpone(c, e, args);
            return startNanos;
        }
        if (inMulti && !role.runsInMulti()) {
            Transaction t = c.transaction(false);
            // As Redis: an aborted transaction keeps no more commands, but still says QUEUED.
            if (!t.dirtyCas() && !t.dirtyExec()) {
                t.queue(e, args);
            }
            c.reply().raw(QUEUED);
            return startNanos;
        }
        long end = call(c, e, args, startNanos, CALL_FULL);
        afterCommand();
        return end;
    }

    /** Serves the clients whose keys became ready and flushes published messages (after a top-level command). */
    public void afterCommand() {
        if (blocked.hasReady()) {
            blocked.serveReady();
        }
        if (pubsub.hasPending()) {
            pubsub.flushPending();
        }
    }

    /**
     * Runs one command read from the append-only file with the loader's client, as Redis's
     * loadSingleAppendOnlyFile: inside MULTI it is queued, else executed with neither
     * statistics nor propagation. Returns whether the command exists (false: the file is
     * bad); an unknown subcommand or a wrong number of arguments is skipped, as the error a
     * client would get changes nothing.
     */
    public boolean load(Client fake, byte[][] args) {
        CommandEntry e = commands.get(args[0]);
        if (e == null) {
            return false;
        }
        CommandTable subs = e.subcommands();
        if (subs != null && args.length >= 2) {
            e = subs.get(args[1]);
        }
        if (e == null || !e.acceptsArgc(args.length)) {
            return true; // what a client would get an error for changes nothing
        }
        fake.lastCommand(e);
        if (fake.inMulti() && e.role() != Role.EXEC && e.role() != Role.MULTI) {
            fake.transaction(false).queue(e, args);
            return true;
        }
        call(fake, e, args, System.nanoTime(), CALL_NONE);
        afterCommand();
        return true;
    }

    /**
     * processCommand's reject_cmd_on_oom: a deny-oom command (EXEC: one holding a queued
     * deny-oom command), or anything but EXEC, DISCARD, QUIT and RESET inside MULTI, since
     * queueing takes memory too.
     */
    private static boolean rejectOnOom(Client c, CommandEntry e, java.util.Set<io.pyredis.api.CommandFlag> flags,
                                       Role role, boolean inMulti) {
        if (flags.contains(io.pyredis.api.CommandFlag.DENYOOM)) {
            return true;
        }
        if (role == Role.EXEC) {
            Transaction t = c.transaction(false);
            if (t != null) {
                for (CommandEntry q : t.commands()) {
                    if (q.flags().contains(io.pyredis.api.CommandFlag.DENYOOM)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return inMulti && role != Role.DISCARD && role != Role.QUIT && role != Role.RESET;
    }

    /** Whether the transaction being EXECed holds a write command (Redis's mstate.cmd_flags). */
    private static boolean queuedWrite(Client c) {
        Transaction t = c.transaction(false);
        if (t == null) {
            return false;
        }
        for (CommandEntry q : t.commands()) {
            if (q.isWrite()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Redis's rejectCommand: the error, counted, and the transaction (if any) flagged; a
     * rejected EXEC discards the transaction (if any) with {@code EXECABORT} (execCommandAbort).
     */
    private void reject(Client c, CommandEntry e, String code, String message) {
        e.rejectedCalls++;
        c.flagTransaction();
        if (e.role() == Role.EXEC) {
            // As execCommandAbort, in MULTI or not; Redis's own rejections carry no ERR there.
            Transactions.discardTransaction(c, watches);
            stats.errorReply("EXECABORT");
            c.reply().error("EXECABORT Transaction discarded because of: "
                    + (message.startsWith("ERR ") ? message.substring(4) : message));
        } else {
            stats.errorReply(code);
            c.reply().error(message);
        }
        rejected(c, e.name());
    }

    /** A rejection before a command was found: counted as an ERR, the transaction flagged. */
    private void rejectRaw(Client c, byte[] reply) {
        stats.errorReply("ERR");
        c.flagTransaction();
        rejected(c, null);
        c.reply().raw(reply);
    }

    /** A rejected command still ends as Redis's resetClient ends every command (CLIENT CACHING). */
    private static void rejected(Client c, String command) {
        TrackingState t = c.tracking();
        if (t != null) {
            t.commandEnded(c.inMulti(), command);
        }
    }

    // ---- call --------------------------------------------------------------------------

    /**
     * Runs a command that passed the checks, as Redis's call(): its reply (or its error),
     * its statistics, its propagation, and a block it asked for. EXEC calls it for each
     * queued command. Returns the time it ended.
     *
     * @param flags {@link #CALL_FULL}, {@link #CALL_NONE}, ...
     */
    public long call(Client c, CommandEntry e, byte[][] args, long startNanos, int flags) {
        RespWriter w = c.reply();
        int mark = w.size();
        CallContext ctx = enter(c, e, args);
        // The rule goes back to the enclosing command's (EXEC's) or to NONE afterwards, so that
        // the server's own lookups (serving blocked clients, WATCH) are never reads.
        LookupRule outerRule = depth == 1 ? LookupRule.NONE : contexts[depth - 2].entry().lookupRule();
        keyspace.lookupRule(e.lookupRule());
        boolean recording = (flags & CALL_PROPAGATE) != 0 && propagation.active();
        long dirtyBefore = dirty;
        long recordsBefore = propagation.records();
        boolean outerNoVerbatim = noVerbatim;
        noVerbatim = false;
        int db = c.db();
        prevErrorCount = stats.totalErrorReplies;
        if ((flags & CALL_UNBLOCK) != 0) {
            keyspace.clearWrongType();
        }
        boolean watched = e.module() != null;
        if (watched) {
            running.enter(e, startNanos);
        }
        try {
            e.command().execute(ctx, args);
        } catch (RedisError err) {
            if ((flags & CALL_UNBLOCK) != 0 && "WRONGTYPE".equals(err.code()) && waitsOnWrongTypeKey(c)) {
                // As Redis 7.0: a key it waits on that now holds another type does not serve
                // it; the client keeps waiting. Another key of the wrong type (BLMOVE's
                // destination) is an error reply that ends the wait, as for any command.
                replaceReply(c, mark);
                c.reblocked(true);
            } else {
                stats.errorReply(err.code());
                replaceReply(c, mark).error(err.getMessage());
            }
        } catch (Throwable ex) {
            // Any failure of a command (a plugin's AssertionError too) is the caller's error
            // reply; the server goes on. Only a failing JVM ends it.
            Failures.rethrowIfFatal(ex);
            stats.errorReply("ERR");
            stats.unexpectedErrorReplies++;
            LOG.error("Command '{}' failed", e.name(), ex);
            replaceReply(c, mark).error("ERR internal error in '" + e.name() + "' command: " + ex);
        } finally {
            keyspace.lookupRule(outerRule);
            if (watched) {
                running.exit();
            }
        }
        long end = System.nanoTime();
        boolean blocks = c.blockRequested();
        if ((flags & CALL_UNBLOCK) != 0 && c.reblocked() && w.size() == mark) {
            // Run again and still nothing to serve: it keeps waiting, nothing happened.
            noVerbatim = outerNoVerbatim;
            exit();
            return end;
        }
        if (stats.totalErrorReplies != prevErrorCount) {
            e.failedCalls++;
        }
        prevErrorCount = stats.totalErrorReplies;
        if ((flags & (CALL_STATS | CALL_UNBLOCK)) != 0) {
            e.nanos += end - startNanos;
            if ((flags & CALL_UNBLOCK) == 0) {
                e.calls++;
            }
        }
        if (recording && e.role() != Role.EXEC && propagation.records() == recordsBefore && dirty != dirtyBefore
                && !noVerbatim) {
            propagation.add(db, args, true);
        }
        noVerbatim = outerNoVerbatim;
        if ((flags & CALL_UNBLOCK) == 0) {
            stats.totalCommandsProcessed++;
        }
        boolean parked = false;
        if (blocks) {
            byte[][] keys = c.takeBlockRequest();
            if (w.size() == mark) {
                blocked.park(c, e, args, keys, c.blockTimeout());
                parked = true;
            }
        }
        byte[][] shown = c.shownArgv(args);
        for (CallObserver o : observers) {
            o.called(c, e, shown, db, end - startNanos, flags & CALL_FULL, parked, (flags & CALL_UNBLOCK) != 0);
        }
        if (!parked) {
            c.clearShownArgv();
        }
        exit();
        return end;
    }

    private boolean waitsOnWrongTypeKey(Client c) {
        Block b = c.block();
        if (b != null) {
            for (DbKey k : b.keys()) {
                if (keyspace.wrongTypeWas(k.db, k.key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs a blocked client's command again, through {@link #call}, counting as Redis's updateStatsOnUnblock. */
    long rerun(Client c, CommandEntry e, byte[][] args) {
        c.reblocked(false);
        return call(c, e, args, System.nanoTime(), CALL_UNBLOCK | CALL_PROPAGATE);
    }

    /** Writes a timed-out or CLIENT UNBLOCKed client's reply, counted as Redis's updateStatsOnUnblock. */
    void timeoutReply(Client c, CommandEntry e, byte[][] args) {
        long start = System.nanoTime();
        CallContext ctx = enter(c, e, args);
        int mark = c.reply().size();
        try {
            ((BlockingCommand) e.command()).timeout(ctx, args);
        } catch (Throwable ex) {
            Failures.rethrowIfFatal(ex);
            LOG.error("Timeout reply of '{}' failed", e.name(), ex);
            replaceReply(c, mark).nullArray();
        } finally {
            exit();
        }
        // As Redis's replyToBlockedClientTimedOut: its end is told as a served blocked call's.
        unblockedStats(c, e, args, System.nanoTime() - start, false);
    }

    /**
     * Redis's updateStatsOnUnblock for a blocked command answered without running again
     * (timeout, CLIENT UNBLOCK): a failure counted when {@code hadErrors}, and the observers
     * told (slow log, latency histogram).
     */
    void unblockedStats(Client c, CommandEntry e, byte[][] args, long nanos, boolean hadErrors) {
        if (hadErrors) {
            e.failedCalls++;
        }
        byte[][] shown = c.shownArgv(args);
        for (CallObserver o : observers) {
            o.called(c, e, shown, c.db(), nanos, CALL_PROPAGATE, false, true);
        }
        c.clearShownArgv();
    }

    private CallContext enter(Client c, CommandEntry e, byte[][] args) {
        if (depth == 0) {
            // As Redis's fixed_time_expire: the clock moves once per top-level command, so
            // the commands of an EXEC see keys expire consistently.
            keyspace.refreshTime();
        }
        if (depth == contexts.length) {
            contexts = java.util.Arrays.copyOf(contexts, depth * 2);
            for (int i = depth; i < contexts.length; i++) {
                contexts[i] = new CallContext(this);
            }
        }
        CallContext ctx = contexts[depth++];
        ctx.bind(c, e, args);
        return ctx;
    }

    private void exit() {
        CallContext ctx = contexts[--depth];
        CommandEntry e = ctx.entry();
        ctx.bind(null, null, null);
        if (depth == 0) {
            propagation.commit(!e.touchesArbitraryKeys());
        }
    }

    /** The writer with whatever the failed command wrote removed. */
    private static RespWriter replaceReply(Client c, int mark) {
        if (c.reply().size() != mark) {
            c.truncateReply(mark);
        }
        return c.reply();
    }

    // ---- error texts -------------------------------------------------------------------

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
