package io.pyredis.server.internal.persistence;

import io.pyredis.server.internal.config.SaveParam;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.core.loop.Loop;
import io.pyredis.storage.BackgroundSave;
import io.pyredis.storage.Clock;
import io.pyredis.storage.KeyListener;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.Rdb;
import io.pyredis.storage.RdbLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's RDB side: the dirty counter (a key listener), SAVE/BGSAVE, the {@code save}
 * rules checked by the cron, loading at start, the state INFO persistence reports, and
 * the MISCONF write refusal after a failed background save.
 *
 * <p>Runs on the event loop like the keyspace; nothing here is synchronized.
 *
 * <p>BGSAVE is a {@link BackgroundSave} driven by a {@link SnapshotRunner}: serialized a
 * slice at a time on the event loop, between clients' commands, and written by its own
 * thread; its end is handled back on the loop.
 */
public final class Persistence implements KeyListener {

    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);
    /** Redis's CONFIG_BGSAVE_RETRY_DELAY: after a failed save, rules wait this long. */
    private static final long RETRY_DELAY_MILLIS = 5000;

    public static final String MISCONF = "MISCONF Redis is configured to save RDB snapshots, but it's currently "
            + "unable to persist to disk. Commands that may modify the data set are disabled, because this instance "
            + "is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error "
            + "option). Please check the Redis logs for details about the RDB error.";

    private final ServerConfig config;
    private final Keyspace keyspace;
    private final Clock clock;
    private volatile List<long[]> rules;

    private long dirty;
    private long lastSaveMillis;
    private long lastBgsaveTryMillis;
    private boolean lastBgsaveOk = true;
    private long lastBgsaveSeconds = -1;
    private long saves;
    private long lastCowSize;
    private boolean loading;
    private long lastLoadKeys;
    private long lastLoadExpired;
    /** Cached for the dispatcher: stop-writes-on-bgsave-error, save rules and a failed last bgsave. */
    private boolean writesRefused;

    private final Loop loop;
    /** The running background save, or null. */
    private SnapshotRunner bg;
    private long bgStartMillis;
    private long dirtyAtBgStart;
    /** BGSAVE SCHEDULE (or BGSAVE inside EXEC) asked for one: the cron starts it. */
    private boolean bgsaveScheduled;
    /** Told, on the loop, how each background save ended (true: the file is in place); replication sends it. */
    private final List<java.util.function.Consumer<Boolean>> bgsaveListeners = new java.util.ArrayList<>();
    private final DiskFaults faults = new DiskFaults();

    public Persistence(ServerConfig config, Keyspace keyspace, Clock clock, Loop loop) {
        this.loop = loop;
        this.config = config;
        this.keyspace = keyspace;
        this.clock = clock;
        this.lastSaveMillis = clock.millis();
        this.rules = SaveParam.rules(config.save.value());
        config.save.onChange(v -> {
            rules = SaveParam.rules(v);
            updateRefusal();
        });
        config.stopWritesOnBgsaveError.onChange(v -> updateRefusal());
    }

    @Override
    public void keyModified(int db, byte[] key) {
        dirty++;
    }

    /** The file snapshots go to: {@code dir}/{@code dbfilename}. */
    public Path file() {
        return Path.of(config.dir.value()).resolve(config.dbfilename.value());
    }

    /**
     * Loads the snapshot file, if there is one, into the (empty) keyspace.
     *
     * @throws RdbLoadException when it is corrupt: the server must not start
     */
    public void loadAtStart() throws RdbLoadException, IOException {
        load(false);
    }

    /**
     * Loads the snapshot file into the keyspace (DEBUG RELOAD); with {@code merge} the
     * file's keys replace those already there, else a key already there is an error.
     * Returns false when there is no file.
     */
    public boolean load(boolean merge) throws RdbLoadException, IOException {
        Path f = file();
        loading = true;
        try {
            long start = System.nanoTime();
            Rdb.LoadInfo info = Rdb.load(keyspace, f, merge);
            if (info == null) {
                return false;
            }
            lastLoadKeys = info.keys();
            lastLoadExpired = info.expiredSkipped();
            LOG.info("Done loading RDB {}, keys loaded: {}, keys expired: {}. ({} ms)", f, info.keys(),
                    info.expiredSkipped(), (System.nanoTime() - start) / 1_000_000);
            return true;
        } finally {
            loading = false;
        }
    }

    /**
     * SAVE, and the save of SHUTDOWN and SIGTERM: writes the snapshot now, on the calling
     * (event loop) thread; whether it worked (failures are logged). A background save
     * still running is finished first and then superseded, as Redis kills its child.
     */
    public boolean save() {
        return save(true);
    }

    /**
     * FLUSHALL is about to empty the keyspace: a running background save is cancelled, as
     * Redis kills its saving child, so an image of the data being flushed never replaces
     * the file (its walk still ends first, as the flush finishes it).
     */
    public void flushingAll() {
        if (bg != null) {
            bg.save().cancel();
        }
    }

    /**
     * What FLUSHALL does after that with save rules, as Redis 7.0: an empty snapshot written
     * now, which INFO's {@code rdb_saves} does not count.
     */
    public void saveAfterFlushall() {
        save(false);
    }

    /** FLUSHALL without save rules and FLUSHDB: each removed key is a change, as Redis counts. */
    public void flushed(long keysRemoved) {
        dirty += keysRemoved;
    }

    private boolean save(boolean counted) {
        finishBackgroundSave();
        long start = clock.millis();
        try {
            long t0 = System.nanoTime();
            faults.beforeRdbSave();
            Rdb.save(keyspace, file(), config.rdbcompression.isOn(), config.rdbchecksum.isOn());
            LOG.info("DB saved on disk ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            dirty = 0;
            lastSaveMillis = start;
            if (counted) {
                saves++;
            }
            lastBgsaveOk = true;
            updateRefusal();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Failed saving the DB to {}: {}", file(), e.toString());
            return false;
        }
    }

    /** The disk faults a test armed (none in production). */
    public DiskFaults faults() {
        return faults;
    }

    /** Whether a background save is running (SAVE and a second BGSAVE are refused meanwhile). */
    public boolean bgsaveInProgress() {
        return bg != null;
    }

    /** BGSAVE SCHEDULE: start one when the running one is over (from the cron). */
    public void scheduleBgsave() {
        bgsaveScheduled = true;
    }

    /**
     * BGSAVE, and what the save rules start: starts a background save; its failure, which
     * shows later, refuses writes (MISCONF). A temp file that cannot be created counts as
     * a failed save, as a child of Redis failing to open it would.
     *
     * @throws IllegalStateException when one is running already (callers check first)
     */
    public void bgsave() {
        if (bg != null) {
            throw new IllegalStateException("a background save is running");
        }
        bgsaveScheduled = false;
        lastBgsaveTryMillis = clock.millis();
        Path target = file();
        Path temp = target.toAbsolutePath().resolveSibling("temp-" + ProcessHandle.current().pid() + "-bg.rdb");
        BackgroundSave s;
        try {
            faults.beforeRdbSave();
        } catch (IOException e) {
            // As a child whose write fails on a full disk: the save ends in error.
            LOG.warn("Write error saving DB on disk: {}", e.getMessage());
            LOG.warn("Background saving error");
            bgsaveDone(0, false);
            return;
        }
        try {
            s = BackgroundSave.start(keyspace, temp, target, config.rdbcompression.isOn(), config.rdbchecksum.isOn(),
                    false);
        } catch (IOException e) {
            LOG.warn("Failed opening the temp RDB file {} (in server root dir {}) for saving: {}", temp.getFileName(),
                    temp.getParent(), e.toString());
            bgsaveDone(0, false);
            for (java.util.function.Consumer<Boolean> l : List.copyOf(bgsaveListeners)) {
                l.accept(false);
            }
            return;
        }
        bgStartMillis = lastBgsaveTryMillis;
        dirtyAtBgStart = dirty;
        LOG.info("Background saving started");
        bg = SnapshotRunner.start(s, loop, err -> bgsaveEnded(s, err));
    }

    /** Adds a listener told how each background save ended (true when its file is in place). */
    public void onBgsaveEnd(java.util.function.Consumer<Boolean> listener) {
        bgsaveListeners.add(listener);
    }

    /** The writer thread is done with {@code s}: on the loop, record how it went. */
    private void bgsaveEnded(BackgroundSave s, Throwable err) {
        try {
            recordBgsaveEnd(s, err);
        } finally {
            for (java.util.function.Consumer<Boolean> l : List.copyOf(bgsaveListeners)) {
                l.accept(err == null);
            }
        }
    }

    private void recordBgsaveEnd(BackgroundSave s, Throwable err) {
        bg = null;
        lastCowSize = s.peakPreservedBytes();
        if (err == null) {
            dirty -= dirtyAtBgStart;
            lastSaveMillis = bgStartMillis;
            saves++;
            LOG.info("Background saving terminated with success");
        } else if (err instanceof java.util.concurrent.CancellationException) {
            // Cancelled by FLUSHALL: not a failure, as Redis's child killed with SIGUSR1.
            LOG.warn("Background saving terminated by FLUSHALL");
            lastBgsaveSeconds = (System.nanoTime() - s.startNanos()) / 1_000_000_000L;
            return;
        } else {
            LOG.warn("Write error saving DB on disk: {}", err.toString());
            LOG.warn("Background saving error");
        }
        bgsaveDone((System.nanoTime() - s.startNanos()) / 1_000_000_000L, err == null);
    }

    private void bgsaveDone(long seconds, boolean ok) {
        lastBgsaveSeconds = seconds;
        lastBgsaveOk = ok;
        updateRefusal();
    }

    /** Walks the running background save to its end now and waits for its file. */
    private void finishBackgroundSave() {
        SnapshotRunner r = bg;
        if (r != null) {
            r.finish();
        }
    }

    /** Called by the cron: starts a background save when a {@code save} rule is met. */
    public void cron() {
        if (bg != null || keyspace.snapshotRunning()) {
            return;
        }
        if (bgsaveScheduled) {
            bgsave();
            return;
        }
        List<long[]> rs = rules;
        if (rs.isEmpty() || dirty == 0) {
            return;
        }
        long now = clock.millis();
        for (long[] r : rs) {
            if (dirty >= r[1] && now - lastSaveMillis > r[0] * 1000
                    && (now - lastBgsaveTryMillis > RETRY_DELAY_MILLIS || lastBgsaveOk)) {
                LOG.info("{} changes in {} seconds. Saving...", r[1], r[0]);
                bgsave();
                return;
            }
        }
    }

    /** Whether SHUTDOWN without SAVE/NOSAVE saves: when save rules exist. */
    public boolean hasSaveRules() {
        return !rules.isEmpty();
    }

    /** Whether write commands get {@link #MISCONF}. */
    public boolean writesRefused() {
        return writesRefused;
    }

    private void updateRefusal() {
        writesRefused = !lastBgsaveOk && config.stopWritesOnBgsaveError.isOn() && !rules.isEmpty();
    }

    /** LASTSAVE: unix seconds of the last successful save (start time at first). */
    public long lastSaveSeconds() {
        return lastSaveMillis / 1000;
    }

    /** The persistence section of INFO up to the AOF's fields: its header, the loading and RDB fields. */
    public void info(StringBuilder sb) {
        sb.append("# Persistence\r\n");
        line(sb, "loading", loading ? 1 : 0);
        line(sb, "async_loading", 0);
        BackgroundSave s = bg == null ? null : bg.save();
        line(sb, "current_cow_peak", s == null ? 0 : s.peakPreservedBytes());
        line(sb, "current_cow_size", s == null ? 0 : s.preservedBytes());
        line(sb, "current_cow_size_age", 0);
        line(sb, "current_fork_perc", s == null || s.keysTotal() == 0 ? "0.00"
                : String.format(java.util.Locale.ROOT, "%.2f", 100.0 * s.keysProcessed() / s.keysTotal()));
        line(sb, "current_save_keys_processed", s == null ? 0 : s.keysProcessed());
        line(sb, "current_save_keys_total", s == null ? 0 : s.keysTotal());
        line(sb, "rdb_changes_since_last_save", dirty);
        line(sb, "rdb_bgsave_in_progress", s == null ? 0 : 1);
        line(sb, "rdb_last_save_time", lastSaveSeconds());
        line(sb, "rdb_last_bgsave_status", lastBgsaveOk ? "ok" : "err");
        line(sb, "rdb_last_bgsave_time_sec", lastBgsaveSeconds);
        line(sb, "rdb_current_bgsave_time_sec", s == null ? -1 : (System.nanoTime() - s.startNanos()) / 1_000_000_000L);
        line(sb, "rdb_saves", saves);
        line(sb, "rdb_last_cow_size", lastCowSize);
        line(sb, "rdb_last_load_keys_expired", lastLoadExpired);
        line(sb, "rdb_last_load_keys_loaded", lastLoadKeys);
    }

    private static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }
}
