package io.pyredis.storage;

import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.Db;
import io.pyredis.storage.internal.rdb.Crc64;
import io.pyredis.storage.internal.rdb.RdbException;
import io.pyredis.storage.internal.rdb.RdbLoader;
import io.pyredis.storage.internal.rdb.RdbReader;
import io.pyredis.storage.internal.rdb.RdbSnapshot;
import io.pyredis.storage.internal.rdb.RdbWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Redis's RDB format (version 10, as Redis 7.0 writes it) for a whole {@link Keyspace}
 * (SAVE, loading at start) and for single values (DUMP, RESTORE).
 *
 * <p>Confined to the keyspace's thread like the keyspace itself.
 *
 * @since 0.1
 */
public final class Rdb {

    /** The RDB version written, and the one DUMP payloads carry. */
    public static final int RDB_VERSION = 10;
    /** The Redis version written in the {@code redis-ver} AUX field. */
    public static final String REDIS_VERSION = "7.0.15";

    private Rdb() {
    }

    /**
     * Writes {@code ks} to {@code file} crash-safely: to {@code temp-<pid>.rdb} in the same
     * directory, fsynced, renamed over {@code file}, and the directory fsynced; a crash at
     * any point leaves the old complete file or the new one.
     *
     * @param compression {@code rdbcompression}
     * @param checksum    {@code rdbchecksum}: without it the checksum written is 0
     */
    public static void save(Keyspace ks, Path file, boolean compression, boolean checksum) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("temp-" + ProcessHandle.current().pid() + ".rdb");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            write(ks, out, compression, checksum);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        DurableFiles.replace(tmp, file);
    }

    /**
     * Writes the whole RDB stream of {@code ks} to {@code out} (not closed). A
     * {@link BackgroundSave} whose walk is running is walked to its end first (its file
     * then completes on its own thread): one walk at a time.
     */
    public static void write(Keyspace ks, OutputStream out, boolean compression, boolean checksum) throws IOException {
        if (ks.internalState().save != null) {
            ks.internalState().save.finishNow();
        }
        RdbSnapshot snap = begin(ks, out, compression, checksum, false);
        snap.step(Long.MAX_VALUE);
        if (snap.failure() != null) {
            throw snap.failure();
        }
    }

    /** Starts a snapshot of {@code ks} to {@code out} and writes its header (the AUX fields Redis 7.0 writes). */
    static RdbSnapshot begin(Keyspace ks, OutputStream out, boolean compression, boolean checksum, boolean aofBase)
            throws IOException {
        Runtime rt = Runtime.getRuntime();
        RdbSnapshot.Format format = RdbSnapshot.rdb(checksum,
                "redis-ver", REDIS_VERSION,
                "redis-bits", "64",
                "ctime", Long.toString(ks.now() / 1000),
                "used-mem", Long.toString(rt.totalMemory() - rt.freeMemory()),
                "aof-base", aofBase ? "1" : "0");
        return begin(ks, out, compression, format);
    }

    /** Starts a snapshot of {@code ks} in {@code format} to {@code out} and writes its header. */
    static RdbSnapshot begin(Keyspace ks, OutputStream out, boolean compression, RdbSnapshot.Format format)
            throws IOException {
        Db[] dbs = new Db[ks.databases()];
        for (int i = 0; i < dbs.length; i++) {
            dbs[i] = ks.internalDb(i);
        }
        RdbSnapshot snap = new RdbSnapshot(dbs, ks.internalState(), out, compression, format);
        snap.begin();
        return snap;
    }

    /** What a load found. */
    public record LoadInfo(int version, long keys, long expiredSkipped, String redisVersion) {
    }

    /**
     * Loads {@code file} into {@code ks}, which should be empty; no key listener is told.
     *
     * @return what was loaded, or {@code null} when there is no such file
     * @throws RdbLoadException when the file is corrupt (naming the file and offset)
     * @throws IOException      when it cannot be read
     */
    public static LoadInfo load(Keyspace ks, Path file) throws RdbLoadException, IOException {
        return load(ks, file, false);
    }

    /**
     * {@link #load(Keyspace, Path)}; with {@code merge} a key already in {@code ks} is
     * replaced by the file's (Redis's RDBFLAGS_ALLOW_DUP), without it a duplicate is an error.
     */
    public static LoadInfo load(Keyspace ks, Path file, boolean merge) throws RdbLoadException, IOException {
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try (InputStream i = in) {
            return load(ks, i, size, file, merge);
        }
    }

    /** Loads a stream of {@code size} bytes into {@code ks}; {@code name} is for messages. */
    public static LoadInfo load(Keyspace ks, InputStream in, long size, Path name) throws RdbLoadException {
        return load(ks, in, size, name, false);
    }

    private static LoadInfo load(Keyspace ks, InputStream in, long size, Path name, boolean merge)
            throws RdbLoadException {
        RdbReader r = new RdbReader(in, size, ks.encodingLimits(), ks.moduleTypes());
        RdbLoader.Sink sink = new RdbLoader.Sink() {
            @Override
            public int databases() {
                return ks.databases();
            }

            @Override
            public boolean add(int db, byte[] key, RedisValue value, long expireAt) {
                return ks.internalDb(db).load(key, value, expireAt, merge);
            }
        };
        try {
            RdbLoader.Result res = RdbLoader.load(r, sink, ks.refreshTime(), !ks.skipChecksumValidation);
            return new LoadInfo(res.version, res.keys, res.expiredSkipped, res.redisVersion);
        } catch (RdbException e) {
            throw new RdbLoadException(name, e.offset(), e.reason());
        } catch (OutOfMemoryError | RuntimeException e) {
            // Nothing in a sane file gets here; report where it happened rather than die,
            // keeping the cause for the log.
            RdbLoadException ex = new RdbLoadException(name, r.offset(), "unexpected error: " + e);
            ex.initCause(e);
            throw ex;
        }
    }

    // ------------------------------------------------------------ DUMP / RESTORE

    /**
     * DUMP's payload: the value as RDB writes it (type byte and body), the RDB version as
     * 2 bytes little endian, and the CRC64 of all that as 8 bytes little endian.
     *
     * @return null when the value's type has no RDB form
     */
    public static byte[] dump(RedisValue value, boolean compression, EncodingLimits limits) {
        int type = RdbWriter.typeOf(value);
        if (type < 0) {
            return null;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            RdbWriter w = new RdbWriter(bos, compression, limits);
            w.writeByte(type);
            w.writeObject(type, value);
            w.writeLe(RDB_VERSION, 2);
            w.flush();
            long crc = w.crc();
            w.writeLe(crc, 8);
            w.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    /** RESTORE's payload check and decode, with Redis's error replies; plugin types are refused. */
    public static RedisValue restore(byte[] payload, EncodingLimits limits) {
        return restore(payload, limits, ModuleTypes.NONE);
    }

    /**
     * RESTORE's payload check and decode, with Redis's error replies, loading values of
     * the plugin types in {@code moduleTypes} (any other module value is
     * {@code ERR Bad data format}).
     */
    public static RedisValue restore(byte[] payload, EncodingLimits limits, ModuleTypes moduleTypes) {
        return restore(payload, limits, moduleTypes, true);
    }

    /** RESTORE into {@code ks}: its limits, plugin types and checksum setting (DEBUG SET-SKIP-CHECKSUM-VALIDATION). */
    public static RedisValue restore(byte[] payload, Keyspace ks) {
        return restore(payload, ks.encodingLimits(), ks.moduleTypes(), !ks.skipChecksumValidation);
    }

    private static RedisValue restore(byte[] payload, EncodingLimits limits, ModuleTypes moduleTypes,
                                      boolean verifyChecksum) {
        if (!verifyDumpPayload(payload, verifyChecksum)) {
            throw new RedisError("ERR DUMP payload version or checksum are wrong");
        }
        int bodyLen = payload.length - 10;
        RdbReader r = new RdbReader(new ByteArrayInputStream(payload, 0, bodyLen), bodyLen, limits, moduleTypes);
        try {
            int type = r.readByte();
            if (!RdbReader.isObjectType(type)) {
                throw new RedisError("ERR Bad data format");
            }
            RedisValue v = r.readObject(type);
            if (v == null || r.remaining() != 0) {
                throw new RedisError("ERR Bad data format");
            }
            return v;
        } catch (RdbException | RuntimeException | OutOfMemoryError e) {
            if (e instanceof RedisError) {
                throw (RedisError) e;
            }
            throw new RedisError("ERR Bad data format");
        }
    }

    /** verifyDumpPayload: a footer of version (at most ours) and a matching CRC64. */
    static boolean verifyDumpPayload(byte[] p) {
        return verifyDumpPayload(p, true);
    }

    /** verifyDumpPayload; without {@code checksum} (skip_checksum_validation) only the version is checked. */
    static boolean verifyDumpPayload(byte[] p, boolean checksum) {
        if (p.length < 10) {
            return false;
        }
        int footer = p.length - 10;
        int ver = (p[footer] & 0xff) | (p[footer + 1] & 0xff) << 8;
        if (ver > RDB_VERSION) {
            return false;
        }
        if (!checksum) {
            return true;
        }
        long crc = Crc64.update(0, p, 0, p.length - 8);
        long stored = 0;
        for (int i = 7; i >= 0; i--) {
            stored = (stored << 8) | (p[p.length - 8 + i] & 0xff);
        }
        return crc == stored;
    }

    /** For tests: the payload bytes without the footer. */
    static byte[] body(byte[] payload) {
        return Arrays.copyOf(payload, payload.length - 10);
    }
}
