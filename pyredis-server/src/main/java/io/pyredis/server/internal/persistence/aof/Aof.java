package io.pyredis.server.internal.persistence.aof;

import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.persistence.SnapshotRunner;
import io.pyredis.storage.BackgroundSave;
import io.pyredis.storage.DurableFiles;
import io.pyredis.storage.KeyListener;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.Rdb;
import io.pyredis.storage.RdbLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Redis 7.0's multi-part append-only file: a directory ({@code appenddirname}) holding a
 * base file (an RDB), incr files of RESP commands and a manifest naming them.
 *
 * <p>The write path, all on the event loop: the dispatcher brackets every command with
 * {@link #enter()} / {@link #exit}; what a command recorded (through
 * {@code CommandContext.propagate}, or itself verbatim when a key listener saw a change),
 * and the DELs of keys that expired meanwhile, form one execution unit, written to the
 * buffer when the outermost command ends (wrapped in MULTI/EXEC when it holds more than
 * one command, as Redis's propagatePendingCommands). The buffer goes to the file once per
 * loop iteration, in a task that runs after the iteration's reads ({@link #deferFlush}):
 * replies of connections wait for it, so no reply to a write leaves before its record was
 * written (and, with {@code appendfsync always}, fsynced: one fsync per iteration).
 *
 * <p>Nothing here is synchronized: only the everysec fsync runs on another thread, and it
 * touches the file channel and two volatile fields only.
 */
public final class Aof implements KeyListener {

    private static final Logger LOG = LoggerFactory.getLogger(Aof.class);

    private static final int OFF = 0;
    private static final int ON = 1;

    private static final int FSYNC_NO = 0;
    private static final int FSYNC_EVERYSEC = 1;
    private static final int FSYNC_ALWAYS = 2;

    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MULTI = "*1\r\n$5\r\nMULTI\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXEC = "*1\r\n$4\r\nEXEC\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerContext server;
    private final ServerConfig config;
    private final Keyspace keyspace;

    private int state = OFF;
    private volatile int fsyncPolicy;
    private boolean loading;

    // The current execution unit.
    private int depth;
    private long dirty;
    private long records;
    private final RespBuf unit = new RespBuf(256);
    private int unitCount;
    private int unitFirstDb = -1;
    private int unitLastDb = -1;

    // What waits to be written, and the file it goes to.
    private final RespBuf buf = new RespBuf(16 * 1024);
    private int selectedDb = -1;
    private AofManifest manifest;
    private FileChannel incr;
    private long incrSize;
    private long otherFilesSize;
    private long rewriteBaseSize;
    private boolean mustWaitBeforeReply;
    private boolean flushScheduled;
    private final List<Connection> waiting = new ArrayList<>();
    private final Runnable beforeSleep = this::beforeSleep;

    // Write and fsync status.
    private boolean lastWriteOk = true;
    private String lastWriteError = "";
    private boolean exiting; // a write or fsync failed with appendfsync always: Redis's exit(1)
    private long postponedSince;
    private long delayedFsync;
    private long lastFsyncMillis;
    private final AtomicBoolean fsyncRunning = new AtomicBoolean();
    private volatile String bioFsyncError;
    private ExecutorService fsyncThread;

    // Rewrites.
    private SnapshotRunner rewriting;
    private long rewriteStartNanos;
    private long lastCowSize;
    private boolean rewriteScheduled;
    private long lastRewriteSeconds = -1;
    private boolean lastRewriteOk = true;
    private long rewrites;
    private long consecutiveFailures;

    public Aof(ServerContext server) {
        this.server = server;
        this.config = server.config();
        this.keyspace = server.keyspace();
        this.fsyncPolicy = policy(config.appendfsync.value());
        config.appendfsync.onChange(v -> fsyncPolicy = policy(v));
    }

    private static int policy(String v) {
        switch (v) {
            case "always":
                return FSYNC_ALWAYS;
            case "no":
                return FSYNC_NO;
            default:
                return FSYNC_EVERYSEC;
        }
    }

    /** The directory of the AOF files: {@code dir}/{@code appenddirname}. */
    public Path directory() {
        return Path.of(config.dir.value()).resolve(config.appenddirname.value());
    }

    private Path manifestPath() {
        return directory().resolve(config.appendfilename.value() + ".manifest");
    }

    // ---- start ------------------------------------------------------------------------

    /**
     * At start, when {@code appendonly} is yes: loads the files the manifest names into the
     * (empty) keyspace, or, when there is no AOF yet, creates an empty base and incr file
     * (the RDB file is then not loaded, as in Redis 7.0). Returns false when the AOF is
     * off: the caller loads the RDB instead.
     *
     * @throws AofException when the AOF is corrupt or unreadable: the server must not start
     */
    public boolean loadAtStart() throws AofException {
        if (!config.appendonly.isOn()) {
            return false;
        }
        Path mf = manifestPath();
        try {
            if (Files.exists(mf)) {
                manifest = AofManifest.parse(Files.readAllBytes(mf));
                load(manifest);
                if (manifest.incrs.isEmpty()) {
                    openNewIncr(manifest, "on server start");
                    persistManifest(manifest);
                } else {
                    AofManifest.Entry last = manifest.incrs.get(manifest.incrs.size() - 1);
                    LOG.info("Opening AOF incr file {} on server start", last.name());
                    incr = FileChannel.open(directory().resolve(last.name()), StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                    incrSize = incr.size();
                }
                otherFilesSize = sizeOfOthers(manifest);
                rewriteBaseSize = otherFilesSize + incrSize;
            } else {
                Files.createDirectories(directory());
                startFresh("on server start");
            }
        } catch (IOException e) {
            throw new AofException("Can't open the append-only file: " + e.getMessage(), e);
        }
        state = ON;
        startFsyncThread();
        return true;
    }

    /** A new base (of the current keyspace) and a new incr file, as when AOF is turned on. */
    private void startFresh(String why) throws IOException {
        AofManifest m = manifest == null ? new AofManifest() : manifest.copy();
        long seq = m.base == null ? 1 : m.base.seq() + 1;
        String baseName = baseName(seq);
        LOG.info("Creating AOF base file {} {}", baseName, why);
        writeBase(directory().resolve(baseName));
        List<AofManifest.Entry> old = oldFiles(m);
        m.base = new AofManifest.Entry(baseName, seq, 'b');
        m.incrs.clear();
        m.history.clear();
        FileChannel previous = incr;
        openNewIncr(m, why);
        persistManifest(m);
        closeQuietly(previous);
        manifest = m;
        deleteHistory(old);
        otherFilesSize = sizeOfOthers(m);
        rewriteBaseSize = otherFilesSize;
    }

    private void openNewIncr(AofManifest m, String why) throws IOException {
        long seq = m.lastIncrSeq() + 1;
        String name = config.appendfilename.value() + "." + seq + ".incr.aof";
        LOG.info("Creating AOF incr file {} {}", name, why);
        Path p = directory().resolve(name);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ch.force(true);
        DurableFiles.fsyncDirectory(directory());
        m.incrs.add(new AofManifest.Entry(name, seq, 'i'));
        incr = ch;
        incrSize = 0;
        selectedDb = -1;
    }

    /**
     * A base written at once (crash-safely, as every base): at start only, when there is
     * no AOF yet and the keyspace is empty (rewrites write theirs in the background).
     */
    /**
     * Redis's base names: {@code .base.rdb} holds an RDB ({@code aof-use-rdb-preamble}
     * yes), {@code .base.aof} the commands that rebuild the data.
     */
    private String baseName(long seq) {
        return config.appendfilename.value() + "." + seq + (config.aofUseRdbPreamble.isOn() ? ".base.rdb" : ".base.aof");
    }

    private void writeBase(Path target) throws IOException {
        BackgroundSave s = startBase(target);
        s.step(Long.MAX_VALUE);
        try {
            s.result().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Starts writing a base of the keyspace as it is now, in the form {@code aof-use-rdb-preamble} says. */
    private BackgroundSave startBase(Path target) throws IOException {
        Path temp = directory().resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
        return config.aofUseRdbPreamble.isOn()
                ? BackgroundSave.start(keyspace, temp, target, config.rdbcompression.isOn(), config.rdbchecksum.isOn(),
                        true)
                : BackgroundSave.startCommands(keyspace, temp, target);
    }

    private void persistManifest(AofManifest m) throws IOException {
        DurableFiles.write(directory().resolve("temp-" + config.appendfilename.value() + ".manifest"), manifestPath(),
                m.format());
    }

    private long sizeOfOthers(AofManifest m) throws IOException {
        long n = 0;
        if (m.base != null) {
            n += Files.size(directory().resolve(m.base.name()));
        }
        for (int i = 0; i < m.incrs.size() - 1; i++) {
            n += Files.size(directory().resolve(m.incrs.get(i).name()));
        }
        return n;
    }

    // ---- loading ----------------------------------------------------------------------

    private void load(AofManifest m) throws AofException {
        Path dir = directory();
        List<AofManifest.Entry> files = new ArrayList<>();
        if (m.base != null) {
            files.add(m.base);
        }
        files.addAll(m.incrs);
        for (AofManifest.Entry e : files) {
            if (!Files.exists(dir.resolve(e.name()))) {
                throw new AofException("Unable to obtain the AOF file " + e.name()
                        + " length. stat: No such file or directory");
            }
        }
        loading = true;
        keyspace.loadingStarted();
        Connection fake = Connection.fakeClient(server);
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < files.size(); i++) {
                AofManifest.Entry e = files.get(i);
                boolean last = i == files.size() - 1;
                long start = System.nanoTime();
                if (e.type() == 'b') {
                    LOG.info("Reading RDB base file on AOF loading...");
                }
                loadFile(dir.resolve(e.name()), e.name(), last, fake);
                LOG.info("DB loaded from {} file {}: {} seconds", e.type() == 'b' ? "base" : "incr", e.name(),
                        String.format("%.3f", (System.nanoTime() - start) / 1e9));
            }
            LOG.info("DB loaded from append only file: {} seconds",
                    String.format("%.3f", (System.nanoTime() - t0) / 1e9));
        } finally {
            loading = false;
            keyspace.loadingFinished();
        }
    }

    /** Loads one file; whether it is an RDB is told by its first bytes ("REDIS"), as Redis does. */
    private void loadFile(Path p, String name, boolean last, Connection fake) throws AofException {
        byte[] magic = new byte[5];
        long size;
        try (InputStream in = Files.newInputStream(p)) {
            size = Files.size(p);
            int n = in.readNBytes(magic, 0, 5);
            if (n == 5 && new String(magic, StandardCharsets.US_ASCII).equals("REDIS")) {
                LOG.info("RDB is base AOF");
                try {
                    Rdb.load(keyspace, p);
                } catch (RdbLoadException ex) {
                    throw new AofException("Bad file format reading the append only file " + name + ": "
                            + ex.getMessage(), ex);
                }
                return;
            }
        } catch (IOException e) {
            throw new AofException("Fatal error: can't open the append log file " + name + " for reading: "
                    + e.getMessage(), e);
        }
        if (size == 0) {
            return;
        }
        replay(p, name, last, fake);
    }

    private void replay(Path p, String name, boolean last, Connection fake) throws AofException {
        long validUpTo = 0;
        long validBeforeMulti = 0;
        boolean truncated = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 64 * 1024)) {
            AofReader r = new AofReader(in, 0);
            while (true) {
                byte[][] cmd;
                try {
                    cmd = r.next();
                } catch (AofReader.Truncated t) {
                    truncated = true;
                    break;
                } catch (AofReader.BadFormat b) {
                    throw badFormat(name, b.offset);
                }
                if (cmd == null) {
                    break;
                }
                if (server.commands().get(cmd[0]) == null) {
                    throw new AofException("Unknown command '" + new String(cmd[0], StandardCharsets.ISO_8859_1)
                            + "' reading the append only file " + name);
                }
                if (!fake.inMulti() && isMulti(cmd)) {
                    validBeforeMulti = r.commandStart();
                }
                server.dispatcher().dispatch(fake, cmd);
                fake.reply().reset();
                validUpTo = r.position();
            }
        } catch (IOException e) {
            throw new AofException("Unrecoverable error reading the append only file " + name + ": " + e.getMessage(), e);
        }
        if (!truncated && fake.inMulti()) {
            LOG.warn("Revert incomplete MULTI/EXEC transaction in AOF file {}", name);
            validUpTo = validBeforeMulti;
            truncated = true;
        }
        if (fake.inMulti()) {
            fake.discardTransaction();
        }
        if (!truncated) {
            return;
        }
        if (!last || !config.aofLoadTruncated.isOn()) {
            throw new AofException("Unexpected end of file reading the append only file " + name
                    + ". You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>."
                    + " 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart"
                    + " the server.");
        }
        LOG.warn("!!! Warning: short read while loading the AOF file {}!!!", name);
        LOG.warn("!!! Truncating the AOF {} at offset {} !!!", name, validUpTo);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(validUpTo);
            ch.force(true);
        } catch (IOException e) {
            throw new AofException("Error truncating the AOF file " + name + ": " + e.getMessage(), e);
        }
        LOG.warn("AOF {} loaded anyway because aof-load-truncated is enabled", name);
    }

    private static AofException badFormat(String name, long offset) {
        return new AofException("Bad file format reading the append only file " + name + " at offset " + offset
                + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");
    }

    private static boolean isMulti(byte[][] cmd) {
        return cmd.length == 1 && new String(cmd[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase("multi");
    }

    // ---- the write path ---------------------------------------------------------------

    /** Whether commands are being recorded (AOF on and not loading): the dispatcher's cheap test. */
    public boolean recording() {
        return state == ON && !loading;
    }

    /** The count of key changes seen, for the dispatcher's before/after test. */
    public long dirty() {
        return dirty;
    }

    /** The count of commands recorded by propagate and by commands, for the same test. */
    public long records() {
        return records;
    }

    /** A command starts (possibly inside EXEC). */
    public void enter() {
        depth++;
    }

    /**
     * A command ended: it is recorded verbatim when it changed a key and recorded nothing
     * itself (neither through propagate nor through the commands EXEC ran); when it was
     * the outermost, its unit is committed.
     */
    public void exit(int db, byte[][] args, long dirtyBefore, long recordsBefore) {
        if (records == recordsBefore && dirty != dirtyBefore) {
            add(db, args, args.length);
        }
        if (--depth <= 0) {
            depth = 0;
            commit();
        }
    }

    /** {@code CommandContext.propagate}: records {@code command} in database {@code db}. */
    public void propagate(int db, byte[][] command) {
        if (recording()) {
            add(db, command, command.length);
        }
    }

    /** A change no key listener reports (SWAPDB): the command is recorded. */
    public void forceDirty() {
        dirty++;
    }

    @Override
    public void keyModified(int db, byte[] key) {
        dirty++;
    }

    @Override
    public void keyExpired(int db, byte[] key) {
        if (!recording()) {
            return;
        }
        unitAddRaw(db);
        unit.multibulk(2);
        unit.bulk(DEL);
        unit.bulk(key);
        if (depth == 0) {
            commit(); // the active expiry cycle: each DEL on its own, as Redis does
        }
    }

    private void add(int db, byte[][] args, int n) {
        records++;
        unitAddRaw(db);
        unit.multibulk(n);
        for (int i = 0; i < n; i++) {
            unit.bulk(args[i]);
        }
    }

    private void unitAddRaw(int db) {
        if (unitCount == 0) {
            unitFirstDb = db;
        } else if (db != unitLastDb) {
            select(unit, db);
        }
        unitLastDb = db;
        unitCount++;
    }

    private static void select(RespBuf b, int db) {
        b.multibulk(2);
        b.bulk(SELECT);
        b.bulkNumber(db);
    }

    private void commit() {
        if (unitCount == 0) {
            return;
        }
        if (unitFirstDb != selectedDb) {
            select(buf, unitFirstDb);
        }
        if (unitCount > 1) {
            buf.raw(MULTI, 0, MULTI.length);
        }
        buf.raw(unit.array(), 0, unit.size());
        if (unitCount > 1) {
            buf.raw(EXEC, 0, EXEC.length);
        }
        selectedDb = unitLastDb;
        unit.reset();
        unitCount = 0;
        mustWaitBeforeReply = true;
        if (!flushScheduled) {
            flushScheduled = true;
            server.eventLoop().execute(beforeSleep);
        }
    }

    /** Whether a connection's replies must wait for the buffer to be written (see {@link #deferFlush}). */
    public boolean replyMustWait() {
        return mustWaitBeforeReply;
    }

    /**
     * Holds {@code c}'s replies until the buffer is written, at the end of this loop
     * iteration; {@code c} is flushed then.
     */
    public void deferFlush(Connection c) {
        if (!c.aofWaiting) {
            c.aofWaiting = true;
            waiting.add(c);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            server.eventLoop().execute(beforeSleep);
        }
    }

    /** Redis's beforeSleep for the AOF: write (and fsync) the buffer, then let the replies go. */
    private void beforeSleep() {
        flushScheduled = false;
        flushNow();
        mustWaitBeforeReply = false;
        if (exitIfFatal()) {
            return;
        }
        for (int i = 0; i < waiting.size(); i++) {
            Connection c = waiting.get(i);
            c.aofWaiting = false;
            c.flush();
        }
        waiting.clear();
    }

    /**
     * After a failed write or fsync with {@code appendfsync always}, Redis exits at once:
     * the replies held for the write (and the reads of the same iteration, which may have
     * seen its effect) are never sent, and the process ends with status 1.
     */
    private boolean exitIfFatal() {
        if (!exiting) {
            return false;
        }
        for (Connection c : waiting) {
            c.aofWaiting = false;
            c.close();
        }
        waiting.clear();
        server.fatalShutdown();
        return true;
    }

    /**
     * Writes the buffer to the incr file now (fsyncing it with {@code always}); returns
     * false when that failed (the buffer is kept for the next try). Redis's
     * flushAppendOnlyFile.
     */
    public boolean flushNow() {
        return flushNow(false);
    }

    /** {@link #flushNow()}; {@code force} writes even while a background fsync runs (shutdown, rewrite). */
    private boolean flushNow(boolean force) {
        mustWaitBeforeReply = false;
        if (exiting) {
            return false; // nothing more is written on the way out, as after Redis's exit(1)
        }
        if (state != ON || incr == null) {
            buf.reset();
            return true;
        }
        long now = System.currentTimeMillis();
        if (buf.size() == 0) {
            maybeBackgroundFsync(now);
            return lastWriteOk;
        }
        if (fsyncPolicy == FSYNC_EVERYSEC && fsyncRunning.get() && !force) {
            if (postponedSince == 0) {
                postponedSince = now;
                return true;
            }
            if (now - postponedSince < 2000) {
                return true;
            }
            delayedFsync++;
            LOG.info("Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without "
                    + "waiting for fsync to complete, this may slow down Redis.");
        }
        postponedSince = 0;
        ByteBuffer b = ByteBuffer.wrap(buf.array(), 0, buf.size());
        try {
            while (b.hasRemaining()) {
                incr.write(b);
            }
        } catch (IOException e) {
            writeFailed(e, b.position());
            return false;
        }
        incrSize += buf.size();
        buf.reset();
        if (fsyncPolicy == FSYNC_ALWAYS && !fsyncHeldForSnapshot()) {
            try {
                incr.force(false);
                lastFsyncMillis = now;
            } catch (IOException e) {
                lastWriteOk = false;
                lastWriteError = message(e);
                LOG.warn("Can't persist AOF for fsync error when the AOF fsync policy is 'always': {}. Exiting...",
                        lastWriteError);
                exiting = true;
                return false;
            }
        } else {
            maybeBackgroundFsync(now);
        }
        if (!lastWriteOk) {
            LOG.warn("AOF write error looks solved, Redis can write again.");
            lastWriteOk = true;
        }
        return true;
    }

    /**
     * Redis's handling of a failed write(2): {@code written} bytes of the buffer went out
     * before the error. A short write is reported as ENOSPC, as Redis does (the kernel's
     * own error comes with the next write), and is cut from the file so that it holds whole
     * commands only; when it cannot be cut, it is counted as written and not written again.
     */
    private void writeFailed(IOException e, int written) {
        String why = written > 0 ? "No space left on device" : message(e);
        if (lastWriteOk || !why.equals(lastWriteError)) {
            if (written > 0) {
                LOG.warn("Short write while writing to the AOF file: (nwritten={}, expected={})", written, buf.size());
            } else {
                LOG.warn("Error writing to the AOF file: {}", why);
            }
        }
        if (written > 0) {
            try {
                incr.truncate(incrSize);
            } catch (IOException t) {
                LOG.warn("Could not remove short write from the append-only file.  Redis may refuse to load the AOF "
                        + "the next time it starts.  ftruncate: {}", message(t));
                incrSize += written;
                buf.dropFirst(written);
            }
        }
        lastWriteOk = false;
        lastWriteError = why;
        if (fsyncPolicy == FSYNC_ALWAYS) {
            // The reply is held but the change is made and may have been seen: acknowledging
            // it later, or taking it back, would both break always's contract.
            LOG.warn("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
            exiting = true;
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void maybeBackgroundFsync(long now) {
        if (fsyncPolicy != FSYNC_EVERYSEC || now - lastFsyncMillis < 1000 || fsyncThread == null
                || fsyncHeldForSnapshot()) {
            return;
        }
        if (!fsyncRunning.compareAndSet(false, true)) {
            return;
        }
        lastFsyncMillis = now;
        FileChannel ch = incr;
        fsyncThread.execute(() -> {
            try {
                ch.force(false);
                bioFsyncError = null;
            } catch (ClosedChannelException e) {
                // Switched to a new incr file meanwhile; the old one was fsynced when closed.
            } catch (IOException e) {
                bioFsyncError = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warn("Error fsyncing the AOF file: {}", bioFsyncError);
            } finally {
                fsyncRunning.set(false);
            }
        });
    }

    /**
     * {@code no-appendfsync-on-rewrite yes}: no fsync (with always or everysec) while a
     * snapshot (BGSAVE or rewrite) is being written, as Redis while it has a child.
     */
    private boolean fsyncHeldForSnapshot() {
        return config.noAppendfsyncOnRewrite.isOn() && (rewriting != null || server.persistence().bgsaveInProgress());
    }

    private void startFsyncThread() {
        if (fsyncThread == null) {
            fsyncThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pyredis-aof-fsync");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Whether writes get MISCONF because writing or fsyncing the AOF failed. */
    public boolean writesRefused() {
        return state == ON && (!lastWriteOk || bioFsyncError != null);
    }

    /** Redis's {@code -MISCONF Errors writing to the AOF file: <strerror>}. */
    public String misconf() {
        return "MISCONF Errors writing to the AOF file: " + (lastWriteOk ? bioFsyncError : lastWriteError);
    }

    // ---- cron, rewrite, on/off ------------------------------------------------------------

    /**
     * Called by the server cron: retries failed writes, the everysec fsync, a scheduled
     * rewrite and the automatic one, when no snapshot (BGSAVE or rewrite) is running.
     */
    public void cron() {
        if (state == ON) {
            flushNow();
        }
        if (exitIfFatal()) {
            return;
        }
        if (rewriting != null || server.persistence().bgsaveInProgress()) {
            return;
        }
        if (rewriteScheduled) {
            rewriteScheduled = false;
            rewrite();
            return;
        }
        if (state != ON) {
            return;
        }
        int perc = config.autoAofRewritePercentage.intValue();
        long size = currentSize();
        if (perc > 0 && size > config.autoAofRewriteMinSize.longValue()) {
            long base = rewriteBaseSize == 0 ? 1 : rewriteBaseSize;
            long growth = size * 100 / base - 100;
            if (growth >= perc) {
                LOG.info("Starting automatic rewriting of AOF on {}% growth", growth);
                rewrite();
            }
        }
    }

    private long currentSize() {
        return otherFilesSize + incrSize;
    }

    /** Whether a rewrite's base is being written (INFO's aof_rewrite_in_progress). */
    public boolean rewriteInProgress() {
        return rewriting != null;
    }

    /**
     * BGREWRITEAOF, and turning the AOF on: a new incr file takes the writes at once, and a
     * new base, the point-in-time snapshot of that moment, is written in the background
     * ({@link SnapshotRunner}); when it is in place the manifest names the new base and
     * incr, and the older files are deleted.
     *
     * <p>When the AOF is on, the new incr file goes into the manifest at once (after the
     * old files, which with it still make the whole data if the rewrite fails or the
     * server dies). When turning it on ({@code turningOn}), the old files are stale: the
     * incr file has a temp name outside the manifest until the base is in place, as Redis
     * 7.0's AOF_WAIT_REWRITE does.
     *
     * @return whether it started (a failure to start is logged)
     */
    public boolean rewrite() {
        return rewrite(false);
    }

    private boolean rewrite(boolean turningOn) {
        if (rewriting != null) {
            return false;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(directory());
            if (state == ON && !turningOn) {
                flushNow(true);
                incr.force(false);
            }
            AofManifest m = manifest == null ? new AofManifest() : manifest.copy();
            FileChannel previous = incr;
            if (turningOn) {
                openTempIncr();
            } else if (state == ON) {
                openNewIncr(m, "on background rewrite");
                persistManifest(m);
                manifest = m.copy();
                closeQuietly(previous);
            }
            long seq = m.base == null ? 1 : m.base.seq() + 1;
            String baseName = baseName(seq);
            BackgroundSave s = startBase(directory().resolve(baseName));
            LOG.info("Background append only file rewriting started");
            rewriteStartNanos = t0;
            rewriting = SnapshotRunner.start(s, server.eventLoop(),
                    err -> rewriteEnded(s, m, new AofManifest.Entry(baseName, seq, 'b'), turningOn, err));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Background AOF rewrite failed to start: {}", e.toString());
            rewriteDone(false, t0);
            return false;
        }
    }

    /** The base of a rewrite is in place (or failed): on the loop, switch the manifest over. */
    private void rewriteEnded(BackgroundSave s, AofManifest m, AofManifest.Entry base, boolean turningOn,
                              Throwable err) {
        rewriting = null;
        lastCowSize = s.peakPreservedBytes();
        boolean ok = err == null;
        if (ok) {
            LOG.info("Background AOF rewrite terminated with success");
            try {
                List<AofManifest.Entry> old = oldFiles(m);
                AofManifest done = new AofManifest();
                done.base = base;
                if (turningOn) {
                    // The temp incr file becomes the first incr after the new base.
                    String name = config.appendfilename.value() + "." + (m.lastIncrSeq() + 1) + ".incr.aof";
                    Files.move(directory().resolve(tempIncrName()), directory().resolve(name),
                            StandardCopyOption.ATOMIC_MOVE);
                    done.incrs.add(new AofManifest.Entry(name, m.lastIncrSeq() + 1, 'i'));
                } else if (state == ON) {
                    AofManifest.Entry current = m.incrs.get(m.incrs.size() - 1);
                    done.incrs.add(current);
                    old.remove(current);
                }
                persistManifest(done);
                manifest = done;
                deleteHistory(old);
                otherFilesSize = Files.size(directory().resolve(base.name()));
                rewriteBaseSize = otherFilesSize + incrSize;
                LOG.info("Background AOF rewrite finished successfully");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Background AOF rewrite failed: {}", e.toString());
                ok = false;
            }
        } else {
            LOG.warn("Background AOF rewrite failed: {}", err.toString());
        }
        if (!ok && turningOn) {
            // Nothing names the temp incr file: the AOF stays off, as when turning it on fails.
            LOG.warn("Turning the append only file on failed; it stays off");
            closeQuietly(incr);
            incr = null;
            state = OFF;
            buf.reset();
            try {
                Files.deleteIfExists(directory().resolve(tempIncrName()));
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", tempIncrName(), e.toString());
            }
        }
        rewriteDone(ok, rewriteStartNanos);
    }

    private void rewriteDone(boolean ok, long t0) {
        lastRewriteSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
        lastRewriteOk = ok;
        if (ok) {
            rewrites++;
            consecutiveFailures = 0;
        } else {
            consecutiveFailures++;
        }
    }

    /** Redis's temp incr name while turning the AOF on: {@code temp-<appendfilename>.incr}. */
    private String tempIncrName() {
        return "temp-" + config.appendfilename.value() + ".incr";
    }

    private void openTempIncr() throws IOException {
        String name = tempIncrName();
        LOG.info("Creating AOF incr file {} on background rewrite", name);
        incr = FileChannel.open(directory().resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        incrSize = 0;
        selectedDb = -1;
    }

    /** Walks a running rewrite to its end now (SAVE-like callers, turning the AOF off, shutdown). */
    private void finishRewrite() {
        SnapshotRunner r = rewriting;
        if (r != null) {
            r.finish();
        }
    }

    private static List<AofManifest.Entry> oldFiles(AofManifest m) {
        List<AofManifest.Entry> old = new ArrayList<>();
        if (m.base != null) {
            old.add(m.base);
        }
        old.addAll(m.incrs);
        old.addAll(m.history);
        return old;
    }

    private void deleteHistory(List<AofManifest.Entry> old) {
        if (config.aofDisableAutoGc.isOn()) {
            return;
        }
        for (AofManifest.Entry e : old) {
            try {
                LOG.info("Removing the history file {}", e.name());
                Files.deleteIfExists(directory().resolve(e.name()));
            } catch (IOException ex) {
                LOG.warn("Failed to remove the history file {}: {}", e.name(), ex.toString());
            }
        }
    }

    /** BGREWRITEAOF while a BGSAVE runs: done by the cron afterwards. */
    public void scheduleRewrite() {
        rewriteScheduled = true;
    }

    /** Whether a rewrite waits to run (INFO's aof_rewrite_scheduled). */
    public boolean rewriteScheduled() {
        return rewriteScheduled;
    }

    /**
     * CONFIG SET appendonly yes/no. Turning it on writes a base of the keyspace and opens an
     * incr file (Redis's startAppendOnly); off flushes and closes the file.
     * Returns false when turning it on failed (logged).
     */
    public boolean setEnabled(boolean on) {
        if (on == (state == ON)) {
            return true;
        }
        finishRewrite();
        if (!on) {
            flushNow(true);
            try {
                incr.force(false);
            } catch (IOException e) {
                LOG.warn("Fsync of the AOF file failed when turning it off: {}", e.toString());
            }
            closeQuietly(incr);
            incr = null;
            state = OFF;
            buf.reset();
            lastWriteOk = true;
            bioFsyncError = null;
            return true;
        }
        try {
            Files.createDirectories(directory());
            if (manifest == null && Files.exists(manifestPath())) {
                manifest = AofManifest.parse(Files.readAllBytes(manifestPath()));
            }
        } catch (IOException | AofException e) {
            LOG.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation: {}",
                    e.toString());
            return false;
        }
        state = ON;
        if (!rewrite(true)) {
            state = OFF;
            LOG.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation");
            return false;
        }
        startFsyncThread();
        return true;
    }

    /** At shutdown: the buffer written and fsynced ("Calling fsync() on the AOF file."). */
    public void shutdown() {
        finishRewrite();
        if (state != ON) {
            return;
        }
        if (exiting) {
            closeQuietly(incr);
            incr = null;
            state = OFF;
            return;
        }
        flushNow(true);
        try {
            LOG.info("Calling fsync() on the AOF file.");
            incr.force(true);
        } catch (IOException e) {
            LOG.warn("Fsync of the AOF file failed at shutdown: {}", e.toString());
        }
        closeQuietly(incr);
        incr = null;
        state = OFF;
        if (fsyncThread != null) {
            fsyncThread.shutdown();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Nothing left to do with it.
            }
        }
    }

    // ---- INFO -------------------------------------------------------------------------

    /** The aof_* fields of INFO persistence before {@code module_fork_in_progress}. */
    public void info(StringBuilder sb) {
        line(sb, "aof_enabled", state == ON ? 1 : 0);
        line(sb, "aof_rewrite_in_progress", rewriting == null ? 0 : 1);
        line(sb, "aof_rewrite_scheduled", rewriteScheduled ? 1 : 0);
        line(sb, "aof_last_rewrite_time_sec", lastRewriteSeconds);
        line(sb, "aof_current_rewrite_time_sec",
                rewriting == null ? -1 : (System.nanoTime() - rewriteStartNanos) / 1_000_000_000L);
        line(sb, "aof_last_bgrewrite_status", lastRewriteOk ? "ok" : "err");
        line(sb, "aof_rewrites", rewrites);
        line(sb, "aof_rewrites_consecutive_failures", consecutiveFailures);
        line(sb, "aof_last_write_status", lastWriteOk && bioFsyncError == null ? "ok" : "err");
        line(sb, "aof_last_cow_size", lastCowSize);
    }

    /** The fields INFO persistence adds at its end while the AOF is on. */
    public void infoWhenOn(StringBuilder sb) {
        if (state != ON) {
            return;
        }
        line(sb, "aof_current_size", currentSize());
        line(sb, "aof_base_size", rewriteBaseSize);
        line(sb, "aof_pending_rewrite", rewriteScheduled ? 1 : 0);
        line(sb, "aof_buffer_length", buf.size());
        line(sb, "aof_pending_bio_fsync", fsyncRunning.get() ? 1 : 0);
        line(sb, "aof_delayed_fsync", delayedFsync);
    }

    private static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }
}
