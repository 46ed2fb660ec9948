package io.pyredis.server.internal.persistence.aof;

import io.pyredis.core.Engine;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.persistence.Persistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Redis 7.0's multi-part append-only file: a directory ({@code appenddirname}) holding a
 * base file (an RDB, or commands), incr files of RESP commands and a manifest naming them.
 * This is the AOF as the rest of the server sees it (on or off, loaded at start, turned on
 * and off by CONFIG SET, rewritten, flushed at shutdown, reported by INFO); the work is
 * split by responsibility:
 *
 * <ul>
 *   <li>{@link AofFiles}: the manifest, the files, their names and sizes;
 *   <li>{@link AofLoader}: loading them at start;
 *   <li>{@link AofWriter}: the write path, propagated commands to the incr file, fsync
 *       policies and write errors;
 *   <li>{@link AofRewriter}: rewrites, automatic and requested.
 * </ul>
 *
 * <p>Everything runs on the loop; only the everysec fsync runs on another thread.
 */
public final class Aof {

    private static final Logger LOG = LoggerFactory.getLogger(Aof.class);

    private final ServerConfig config;
    private final Engine engine;
    private final Persistence persistence;
    private final AofFiles files;
    private final AofWriter writer;
    private final AofRewriter rewriter;
    private boolean on;

    /**
     * @param fatal stops the server with exit status 1 (after a failed write with
     *              {@code appendfsync always}, as Redis's exit(1))
     */
    public Aof(ServerConfig config, Engine engine, Persistence persistence, Runnable fatal) {
        this.config = config;
        this.engine = engine;
        this.persistence = persistence;
        this.files = new AofFiles(config, engine.keyspace());
        this.writer = new AofWriter(files, engine, () -> on, this::fsyncHeldForSnapshot, fatal, persistence.faults());
        writer.fsyncPolicy(AofWriter.policy(config.appendfsync.value()));
        config.appendfsync.onChange(v -> writer.fsyncPolicy(AofWriter.policy(v)));
        this.rewriter = new AofRewriter(config, files, writer, engine.loop(), new AofRewriter.Host() {
            @Override
            public boolean on() {
                return on;
            }

            @Override
            public void turnedOnFailed() {
                files.closeIncr();
                Aof.this.on(false);
                writer.discardBuffer();
            }
        });
    }

    /** The AOF is on or off: its writer takes propagated commands only while it is on. */
    private void on(boolean enabled) {
        on = enabled;
        if (enabled) {
            engine.propagation().addSink(writer);
        } else {
            engine.propagation().removeSink(writer);
        }
    }

    /** The directory of the AOF files: {@code dir}/{@code appenddirname}. */
    public Path directory() {
        return files.directory();
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
        Path mf = files.manifestPath();
        try {
            if (Files.exists(mf)) {
                files.manifest = AofManifest.parse(Files.readAllBytes(mf));
                new AofLoader(config, engine).load(files.directory(), files.manifest);
                if (files.manifest.incrs.isEmpty()) {
                    files.openNewIncr(files.manifest, "on server start");
                    files.persistManifest(files.manifest);
                } else {
                    files.reopenLastIncr();
                }
                files.otherFilesSize = files.sizeOfOthers(files.manifest);
                files.rewriteBaseSize = files.otherFilesSize + files.incrSize;
            } else {
                Files.createDirectories(files.directory());
                files.startFresh("on server start");
            }
        } catch (IOException e) {
            throw new AofException("Can't open the append-only file: " + e.getMessage(), e);
        }
        writer.newFile();
        on(true);
        writer.startFsyncThread();
        return true;
    }

    /**
     * DEBUG LOADAOF: writes out what is buffered, then loads the files the manifest on disk
     * names; {@code empty} runs just before the loading starts (the caller empties the
     * keyspace there, as Redis's emptyData). Returns false, with nothing emptied, when there
     * is no manifest.
     *
     * @throws AofException when a file is corrupt or unreadable (the keyspace is then partly loaded)
     */
    public boolean reloadFromDisk(Runnable empty) throws AofException {
        if (on) {
            writer.flushNow(true);
        }
        Path mf = files.manifestPath();
        AofManifest m;
        try {
            if (!Files.exists(mf)) {
                return false;
            }
            m = AofManifest.parse(Files.readAllBytes(mf));
        } catch (IOException e) {
            throw new AofException("Can't open the append-only file: " + e.getMessage(), e);
        }
        empty.run();
        new AofLoader(config, engine).load(files.directory(), m);
        return true;
    }

    // ---- cron, rewrite, on/off ------------------------------------------------------------

    /**
     * Called by the server cron: retries failed writes, the everysec fsync, a scheduled
     * rewrite and the automatic one, when no snapshot (BGSAVE or rewrite) is running.
     */
    public void cron() {
        if (on) {
            writer.flushNow();
        }
        if (writer.exitIfFatal()) {
            return;
        }
        if (rewriter.inProgress() || persistence.bgsaveInProgress()) {
            return;
        }
        rewriter.cron();
    }

    /**
     * {@code no-appendfsync-on-rewrite yes}: no fsync (with always or everysec) while a
     * snapshot (BGSAVE or rewrite) is being written, as Redis while it has a child.
     */
    /** Reports the write and fsync latencies to the latency monitor (latencyAddSampleIfNeeded). */
    public void latencySink(java.util.function.ObjLongConsumer<String> sink) {
        writer.latency(sink, () -> rewriter.inProgress() || persistence.bgsaveInProgress());
    }

    private boolean fsyncHeldForSnapshot() {
        return config.noAppendfsyncOnRewrite.isOn() && (rewriter.inProgress() || persistence.bgsaveInProgress());
    }

    /** Whether a rewrite's base is being written (INFO's aof_rewrite_in_progress). */
    public boolean rewriteInProgress() {
        return rewriter.inProgress();
    }

    /** BGREWRITEAOF: starts a rewrite now; whether it started (a failure to start is logged). */
    public boolean rewrite() {
        return rewriter.rewrite(false);
    }

    /** BGREWRITEAOF while a BGSAVE runs: done by the cron afterwards. */
    public void scheduleRewrite() {
        rewriter.schedule();
    }

    /** Whether a rewrite waits to run (INFO's aof_rewrite_scheduled). */
    public boolean rewriteScheduled() {
        return rewriter.scheduled();
    }

    /**
     * CONFIG SET appendonly yes/no. Turning it on writes a base of the keyspace in the
     * background and opens an incr file (Redis's startAppendOnly); off flushes and closes
     * the file. Returns false when turning it on failed (logged).
     */
    public boolean setEnabled(boolean enable) {
        if (enable == on) {
            return true;
        }
        rewriter.finish();
        if (!enable) {
            writer.flushNow(true);
            try {
                files.incr.force(false);
            } catch (IOException e) {
                LOG.warn("Fsync of the AOF file failed when turning it off: {}", e.toString());
            }
            files.closeIncr();
            on(false);
            writer.discardBuffer();
            writer.clearErrors();
            return true;
        }
        try {
            Files.createDirectories(files.directory());
            if (files.manifest == null && Files.exists(files.manifestPath())) {
                files.manifest = AofManifest.parse(Files.readAllBytes(files.manifestPath()));
            }
        } catch (IOException | AofException e) {
            LOG.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation: {}",
                    e.toString());
            return false;
        }
        on(true);
        if (!rewriter.rewrite(true)) {
            on(false);
            LOG.warn("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation");
            return false;
        }
        writer.startFsyncThread();
        return true;
    }

    /** At shutdown: the buffer written and fsynced ("Calling fsync() on the AOF file."). */
    public void shutdown() {
        rewriter.finish();
        if (!on) {
            return;
        }
        if (writer.exiting()) {
            files.closeIncr();
            on(false);
            return;
        }
        writer.flushNow(true);
        try {
            LOG.info("Calling fsync() on the AOF file.");
            files.incr.force(true);
        } catch (IOException e) {
            LOG.warn("Fsync of the AOF file failed at shutdown: {}", e.toString());
        }
        files.closeIncr();
        on(false);
        writer.stopFsyncThread();
    }

    /** Whether writes get MISCONF because writing or fsyncing the AOF failed. */
    public boolean writesRefused() {
        return on && writer.failing();
    }

    /** Redis's {@code -MISCONF Errors writing to the AOF file: <strerror>}. */
    public String misconf() {
        return writer.misconf();
    }

    // ---- INFO -------------------------------------------------------------------------

    /** The aof_* fields of INFO persistence before {@code module_fork_in_progress}. */
    public void info(StringBuilder sb) {
        line(sb, "aof_enabled", on ? 1 : 0);
        rewriter.info(sb);
        line(sb, "aof_last_write_status", writer.lastWriteOk() ? "ok" : "err");
        line(sb, "aof_last_cow_size", rewriter.lastCowSize());
    }

    /** The fields INFO persistence adds at its end while the AOF is on. */
    public void infoWhenOn(StringBuilder sb) {
        if (!on) {
            return;
        }
        line(sb, "aof_current_size", files.currentSize());
        line(sb, "aof_base_size", files.rewriteBaseSize);
        line(sb, "aof_pending_rewrite", rewriter.scheduled() ? 1 : 0);
        line(sb, "aof_buffer_length", writer.buffered());
        line(sb, "aof_pending_bio_fsync", writer.fsyncPending() ? 1 : 0);
        line(sb, "aof_delayed_fsync", writer.delayedFsync());
    }

    static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }
}
