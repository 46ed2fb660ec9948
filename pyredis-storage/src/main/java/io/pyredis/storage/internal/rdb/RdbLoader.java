package io.pyredis.storage.internal.rdb;

import io.pyredis.api.RedisValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

import static io.pyredis.storage.internal.rdb.RdbConstants.*;

/** rdbLoadRio: the header, the opcodes, the keys, EOF and the checksum of a whole RDB stream. */
public final class RdbLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RdbLoader.class);

    /** Where loaded keys go. */
    public interface Sink {
        /** The number of databases keys may go to. */
        int databases();

        /** Adds a key; false when it is already there (a corrupt file). {@code expireAt} -1 for none. */
        boolean add(int db, byte[] key, RedisValue value, long expireAt);
    }

    /** What a load found. */
    public static final class Result {
        public int version;
        public long keys;
        public long expiredSkipped;
        public long emptySkipped;
        public String redisVersion;
    }

    private RdbLoader() {
    }

    /**
     * Loads a whole stream into {@code sink}. Keys whose deadline is before {@code now}
     * are skipped, as a master does.
     */
    public static Result load(RdbReader r, Sink sink, long now) throws RdbException {
        return load(r, sink, now, true);
    }

    /** {@link #load(RdbReader, Sink, long)}; without {@code verifyChecksum} a wrong CRC64 is let pass (skip_checksum_validation). */
    public static Result load(RdbReader r, Sink sink, long now, boolean verifyChecksum) throws RdbException {
        Result res = new Result();
        byte[] magic = new byte[9];
        if (r.remaining() < 9) {
            throw new RdbException("file too short for an RDB header", 0);
        }
        r.readFully(magic, 0, 9);
        String m = new String(magic, StandardCharsets.ISO_8859_1);
        if (!m.startsWith("REDIS")) {
            throw new RdbException("wrong signature trying to load DB from file", 0);
        }
        int version;
        try {
            version = Integer.parseInt(m.substring(5));
        } catch (NumberFormatException e) {
            throw new RdbException("bad RDB version '" + m.substring(5) + "'", 5);
        }
        if (version < 1 || version > MAX_READ_VERSION) {
            throw new RdbException("can't handle RDB format version " + version, 5);
        }
        res.version = version;
        int db = 0;
        long expireAt = -1;
        while (true) {
            long at = r.offset();
            int type = r.readByte();
            switch (type) {
                case OPCODE_EXPIRETIME:
                    expireAt = r.readLe(4) * 1000;
                    continue;
                case OPCODE_EXPIRETIME_MS:
                    expireAt = r.readLe(8);
                    continue;
                case OPCODE_FREQ:
                    r.readByte();
                    continue;
                case OPCODE_IDLE:
                    r.readLen();
                    continue;
                case OPCODE_EOF:
                    break;
                case OPCODE_SELECTDB: {
                    long n = r.readLen();
                    // Unsigned, as Redis compares it: a 64-bit length can be negative here.
                    if (Long.compareUnsigned(n, sink.databases()) >= 0) {
                        throw new RdbException("data file was created with a Redis server configured to handle more than "
                                + sink.databases() + " databases", at);
                    }
                    db = (int) n;
                    continue;
                }
                case OPCODE_RESIZEDB:
                    r.readLen();
                    r.readLen();
                    continue;
                case OPCODE_AUX: {
                    byte[] k = r.readString();
                    byte[] v = r.readString();
                    String key = new String(k, StandardCharsets.UTF_8);
                    if (key.equals("redis-ver")) {
                        res.redisVersion = new String(v, StandardCharsets.UTF_8);
                    }
                    continue;
                }
                case OPCODE_MODULE_AUX: {
                    long moduleId = r.readLen();
                    r.readLen(); // when_opcode
                    r.readLen(); // when
                    r.skipModuleValue();
                    LOG.warn("Skipped module aux data (module id {}): modules are not supported", moduleId);
                    continue;
                }
                case OPCODE_FUNCTION2: {
                    r.readString();
                    LOG.warn("Skipped a function library in the RDB file: functions are not supported");
                    continue;
                }
                case OPCODE_FUNCTION:
                    throw new RdbException("pre-release function format (RDB_OPCODE_FUNCTION) is not supported", at);
                default:
                    if (!RdbReader.isObjectType(type)) {
                        throw new RdbException("unknown RDB type or opcode " + type, at);
                    }
                    byte[] key = r.readString();
                    RedisValue value = r.readObject(type);
                    long exp = expireAt;
                    expireAt = -1;
                    if (value == null) {
                        res.emptySkipped++;
                        continue;
                    }
                    if (exp >= 0 && exp < now) {
                        res.expiredSkipped++;
                        continue;
                    }
                    if (!sink.add(db, key, value, exp)) {
                        throw new RdbException("duplicated key '" + new String(key, StandardCharsets.UTF_8) + "' in DB "
                                + db, at);
                    }
                    res.keys++;
                    continue;
            }
            break;
        }
        if (version >= 5) {
            long expected = r.crc();
            long at = r.offset();
            long stored = r.readLe(8);
            if (stored != 0 && stored != expected && verifyChecksum) {
                throw new RdbException("wrong RDB checksum expected: " + hex(stored) + " got: " + hex(expected), at);
            }
        }
        if (r.remaining() > 0) {
            LOG.warn("{} bytes after the end of the RDB data ignored", r.remaining());
        }
        return res;
    }

    private static String hex(long v) {
        return String.format("(%016x)", v);
    }
}
