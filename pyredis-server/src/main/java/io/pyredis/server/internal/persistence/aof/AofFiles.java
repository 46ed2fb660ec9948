package io.pyredis.server.internal.persistence.aof;

import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.storage.BackgroundSave;
import io.pyredis.storage.DurableFiles;
import io.pyredis.storage.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of Redis 7.0's multi-part AOF in {@code dir}/{@code appenddirname}: the
 * manifest naming a base and incr files, the incr file being appended to, their names and
 * sizes, and how they are created, put in place and removed. The loader, the writer and
 * the rewriter all work on these.
 */
final class AofFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AofFiles.class);

    private final ServerConfig config;
    private final Keyspace keyspace;

    /** The manifest in force, or null before there is an AOF. */
    AofManifest manifest;
    /** The incr file commands are appended to, or null while the AOF is off. */
    FileChannel incr;
    /** The bytes in {@link #incr}. */
    long incrSize;
    /** The bytes of the base and the incr files before the current one. */
    long otherFilesSize;
    /** The size after the last rewrite (aof_base_size), against which growth is measured. */
    long rewriteBaseSize;

    AofFiles(ServerConfig config, Keyspace keyspace) {
        this.config = config;
        this.keyspace = keyspace;
    }

    /** The directory of the AOF files: {@code dir}/{@code appenddirname}. */
    Path directory() {
        return Path.of(config.dir.value()).resolve(config.appenddirname.value());
    }

    Path manifestPath() {
        return directory().resolve(config.appendfilename.value() + ".manifest");
    }

    /** The whole AOF: the base and every incr file. */
    long currentSize() {
        return otherFilesSize + incrSize;
    }

    /**
     * Redis's base names: {@code .base.rdb} holds an RDB ({@code aof-use-rdb-preamble}
     * yes), {@code .base.aof} the commands that rebuild the data.
     */
    String baseName(long seq) {
        return config.appendfilename.value() + "." + seq + (config.aofUseRdbPreamble.isOn() ? ".base.rdb" : ".base.aof");
    }

    /** Redis's temp incr name while turning the AOF on: {@code temp-<appendfilename>.incr}. */
    String tempIncrName() {
        return "temp-" + config.appendfilename.value() + ".incr";
    }

    /** A new base (of the current keyspace) and a new incr file, as when the AOF is first created. */
    void startFresh(String why) throws IOException {
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

    /** Opens the next incr file, adds it to {@code m} and makes it the one appended to. */
    void openNewIncr(AofManifest m, String why) throws IOException {
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
    }

    /** Opens the temp incr file that takes the writes while the AOF is being turned on. */
    void openTempIncr() throws IOException {
        String name = tempIncrName();
        LOG.info("Creating AOF incr file {} on background rewrite", name);
        incr = FileChannel.open(directory().resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        incrSize = 0;
    }

    /** Reopens the last incr file of the manifest for appending (at start). */
    void reopenLastIncr() throws IOException {
        AofManifest.Entry last = manifest.incrs.get(manifest.incrs.size() - 1);
        LOG.info("Opening AOF incr file {} on server start", last.name());
        incr = FileChannel.open(directory().resolve(last.name()), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        incrSize = incr.size();
    }

    /** A base written at once, crash-safely (at start only: rewrites write theirs in the background). */
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
    BackgroundSave startBase(Path target) throws IOException {
        Path temp = directory().resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
        return config.aofUseRdbPreamble.isOn()
                ? BackgroundSave.start(keyspace, temp, target, config.rdbcompression.isOn(), config.rdbchecksum.isOn(),
                        true)
                : BackgroundSave.startCommands(keyspace, temp, target);
    }

    /** Writes {@code m} as the manifest, crash-safely. */
    void persistManifest(AofManifest m) throws IOException {
        DurableFiles.write(directory().resolve("temp-" + config.appendfilename.value() + ".manifest"), manifestPath(),
                m.format());
    }

    /** The bytes of {@code m}'s base and of its incr files but the last. */
    long sizeOfOthers(AofManifest m) throws IOException {
        long n = 0;
        if (m.base != null) {
            n += Files.size(directory().resolve(m.base.name()));
        }
        for (int i = 0; i < m.incrs.size() - 1; i++) {
            n += Files.size(directory().resolve(m.incrs.get(i).name()));
        }
        return n;
    }

    /** Every file {@code m} names: what a new base makes history. */
    static List<AofManifest.Entry> oldFiles(AofManifest m) {
        List<AofManifest.Entry> old = new ArrayList<>();
        if (m.base != null) {
            old.add(m.base);
        }
        old.addAll(m.incrs);
        old.addAll(m.history);
        return old;
    }

    /** Removes files no manifest names any more (unless {@code aof-disable-auto-gc}). */
    void deleteHistory(List<AofManifest.Entry> old) {
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

    /** Closes the incr file (quietly) and forgets it. */
    void closeIncr() {
        closeQuietly(incr);
        incr = null;
    }

    static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Nothing left to do with it.
            }
        }
    }
}
