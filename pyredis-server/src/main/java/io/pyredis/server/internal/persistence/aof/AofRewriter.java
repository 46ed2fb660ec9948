package io.pyredis.server.internal.persistence.aof;

import io.pyredis.core.loop.Loop;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.persistence.SnapshotRunner;
import io.pyredis.storage.BackgroundSave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * AOF rewrites, as Redis 7.0's rewriteAppendOnlyFileBackground and
 * backgroundRewriteDoneHandler: a new incr file takes the writes at once, a new base (the
 * point-in-time snapshot of that moment) is written in the background
 * ({@link SnapshotRunner}), and when it is in place the manifest names the new base and
 * incr and the older files are deleted. Also the automatic rewrite
 * ({@code auto-aof-rewrite-percentage}/{@code -min-size}) and a rewrite scheduled while a
 * BGSAVE runs.
 */
final class AofRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(AofRewriter.class);

    /** What the rewriter needs of the AOF it rewrites. */
    interface Host {
        boolean on();

        /** Turning the AOF on failed: it stays off. */
        void turnedOnFailed();
    }

    private final ServerConfig config;
    private final AofFiles files;
    private final AofWriter writer;
    private final Loop loop;
    private final Host host;

    private SnapshotRunner rewriting;
    private long rewriteStartNanos;
    private long lastCowSize;
    private boolean rewriteScheduled;
    private long lastRewriteSeconds = -1;
    private boolean lastRewriteOk = true;
    private long rewrites;
    private long consecutiveFailures;

    AofRewriter(ServerConfig config, AofFiles files, AofWriter writer, Loop loop, Host host) {
        this.config = config;
        this.files = files;
        this.writer = writer;
        this.loop = loop;
        this.host = host;
    }

    /** Whether a rewrite's base is being written (INFO's aof_rewrite_in_progress). */
    boolean inProgress() {
        return rewriting != null;
    }

    /** BGREWRITEAOF while a BGSAVE runs: done by the cron afterwards. */
    void schedule() {
        rewriteScheduled = true;
    }

    /** Whether a rewrite waits to run (INFO's aof_rewrite_scheduled). */
    boolean scheduled() {
        return rewriteScheduled;
    }

    /**
     * From the cron, when no snapshot runs: a scheduled rewrite, or the automatic one when
     * the AOF grew by {@code auto-aof-rewrite-percentage} since the last.
     */
    void cron() {
        if (rewriteScheduled) {
            rewriteScheduled = false;
            rewrite(false);
            return;
        }
        if (!host.on()) {
            return;
        }
        int perc = config.autoAofRewritePercentage.intValue();
        long size = files.currentSize();
        if (perc > 0 && size > config.autoAofRewriteMinSize.longValue()) {
            long base = files.rewriteBaseSize == 0 ? 1 : files.rewriteBaseSize;
            long growth = size * 100 / base - 100;
            if (growth >= perc) {
                LOG.info("Starting automatic rewriting of AOF on {}% growth", growth);
                rewrite(false);
            }
        }
    }

    /**
     * Starts a rewrite. When the AOF is on, the new incr file goes into the manifest at once
     * (after the old files, which with it still make the whole data if the rewrite fails or
     * the server dies). When turning it on ({@code turningOn}), the old files are stale: the
     * incr file has a temp name outside the manifest until the base is in place, as Redis
     * 7.0's AOF_WAIT_REWRITE does.
     *
     * @return whether it started (a failure to start is logged)
     */
    boolean rewrite(boolean turningOn) {
        if (rewriting != null) {
            return false;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(files.directory());
            if (host.on() && !turningOn) {
                writer.flushNow(true);
                files.incr.force(false);
            }
            AofManifest m = files.manifest == null ? new AofManifest() : files.manifest.copy();
            FileChannel previous = files.incr;
            if (turningOn) {
                files.openTempIncr();
                writer.newFile();
            } else if (host.on()) {
                files.openNewIncr(m, "on background rewrite");
                writer.newFile();
                files.persistManifest(m);
                files.manifest = m.copy();
                AofFiles.closeQuietly(previous);
            }
            long seq = m.base == null ? 1 : m.base.seq() + 1;
            String baseName = files.baseName(seq);
            BackgroundSave s = files.startBase(files.directory().resolve(baseName));
            LOG.info("Background append only file rewriting started");
            rewriteStartNanos = t0;
            rewriting = SnapshotRunner.start(s, loop,
                    err -> ended(s, m, new AofManifest.Entry(baseName, seq, 'b'), turningOn, err));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Background AOF rewrite failed to start: {}", e.toString());
            done(false, t0);
            return false;
        }
    }

    /** The base of a rewrite is in place (or failed): on the loop, switch the manifest over. */
    private void ended(BackgroundSave s, AofManifest m, AofManifest.Entry base, boolean turningOn, Throwable err) {
        rewriting = null;
        lastCowSize = s.peakPreservedBytes();
        boolean ok = err == null;
        if (ok) {
            LOG.info("Background AOF rewrite terminated with success");
            try {
                List<AofManifest.Entry> old = AofFiles.oldFiles(m);
                AofManifest finished = new AofManifest();
                finished.base = base;
                if (turningOn) {
                    // The temp incr file becomes the first incr after the new base.
                    String name = config.appendfilename.value() + "." + (m.lastIncrSeq() + 1) + ".incr.aof";
                    Files.move(files.directory().resolve(files.tempIncrName()), files.directory().resolve(name),
                            StandardCopyOption.ATOMIC_MOVE);
                    finished.incrs.add(new AofManifest.Entry(name, m.lastIncrSeq() + 1, 'i'));
                } else if (host.on()) {
                    AofManifest.Entry current = m.incrs.get(m.incrs.size() - 1);
                    finished.incrs.add(current);
                    old.remove(current);
                }
                files.persistManifest(finished);
                files.manifest = finished;
                files.deleteHistory(old);
                files.otherFilesSize = Files.size(files.directory().resolve(base.name()));
                files.rewriteBaseSize = files.otherFilesSize + files.incrSize;
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
            host.turnedOnFailed();
            try {
                Files.deleteIfExists(files.directory().resolve(files.tempIncrName()));
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", files.tempIncrName(), e.toString());
            }
        }
        done(ok, rewriteStartNanos);
    }

    private void done(boolean ok, long t0) {
        lastRewriteSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
        lastRewriteOk = ok;
        if (ok) {
            rewrites++;
            consecutiveFailures = 0;
        } else {
            consecutiveFailures++;
        }
    }

    /** Walks a running rewrite to its end now (SAVE-like callers, turning the AOF off, shutdown). */
    void finish() {
        SnapshotRunner r = rewriting;
        if (r != null) {
            r.finish();
        }
    }

    /** The aof_* rewrite fields of INFO persistence. */
    void info(StringBuilder sb) {
        Aof.line(sb, "aof_rewrite_in_progress", rewriting == null ? 0 : 1);
        Aof.line(sb, "aof_rewrite_scheduled", rewriteScheduled ? 1 : 0);
        Aof.line(sb, "aof_last_rewrite_time_sec", lastRewriteSeconds);
        Aof.line(sb, "aof_current_rewrite_time_sec",
                rewriting == null ? -1 : (System.nanoTime() - rewriteStartNanos) / 1_000_000_000L);
        Aof.line(sb, "aof_last_bgrewrite_status", lastRewriteOk ? "ok" : "err");
        Aof.line(sb, "aof_rewrites", rewrites);
        Aof.line(sb, "aof_rewrites_consecutive_failures", consecutiveFailures);
    }

    /** aof_last_cow_size */
    long lastCowSize() {
        return lastCowSize;
    }
}
