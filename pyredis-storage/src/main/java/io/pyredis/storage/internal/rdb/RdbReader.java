package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;
import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbInput;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.ModuleTypes;
import io.pyredis.storage.internal.Collections;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.pyredis.storage.internal.rdb.RdbConstants.*;

/**
 * Reads RDB primitives and values from a stream of known total length, keeping the
 * offset (for error messages) and the running CRC64. Every declared length is checked
 * against the bytes left before anything is allocated for it, so a hostile length
 * costs an error, never memory.
 */
public final class RdbReader {

    private final InputStream in;
    private final long total;
    private final byte[] buf = new byte[64 * 1024];
    private int bufPos;
    private int bufLen;
    /** Offset of buf[0] in the stream. */
    private long bufStart;
    private long crc;
    private final EncodingLimits limits;

    private final ModuleTypes moduleTypes;

    /** A reader that refuses module (plugin type) values. */
    public RdbReader(InputStream in, long totalLength, EncodingLimits limits) {
        this(in, totalLength, limits, ModuleTypes.NONE);
    }

    /** A reader that loads the module values of {@code moduleTypes}. */
    public RdbReader(InputStream in, long totalLength, EncodingLimits limits, ModuleTypes moduleTypes) {
        this.in = in;
        this.total = totalLength;
        this.limits = limits;
        this.moduleTypes = moduleTypes;
    }

    /** The offset of the next byte. */
    public long offset() {
        return bufStart + bufPos;
    }

    /** The bytes not read yet. */
    public long remaining() {
        return total - offset();
    }

    /** The CRC64 of every byte read so far. */
    public long crc() {
        return Crc64.update(crc, buf, 0, bufPos);
    }

    private RdbException eof() {
        return new RdbException("unexpected end of file", offset());
    }

    private boolean fill() throws RdbException {
        crc = Crc64.update(crc, buf, 0, bufLen);
        bufStart += bufLen;
        bufPos = 0;
        bufLen = 0;
        long left = total - bufStart;
        if (left <= 0) {
            return false;
        }
        int want = (int) Math.min(buf.length, left);
        try {
            while (bufLen < want) {
                int n = in.read(buf, bufLen, want - bufLen);
                if (n < 0) {
                    break;
                }
                bufLen += n;
            }
        } catch (IOException e) {
            throw new RdbException("read error: " + e.getMessage(), bufStart + bufLen);
        }
        return bufLen > 0;
    }

    public int readByte() throws RdbException {
        if (bufPos == bufLen && !fill()) {
            throw eof();
        }
        return buf[bufPos++] & 0xff;
    }

    public void readFully(byte[] dst, int off, int len) throws RdbException {
        while (len > 0) {
            if (bufPos == bufLen && !fill()) {
                throw eof();
            }
            int n = Math.min(len, bufLen - bufPos);
            System.arraycopy(buf, bufPos, dst, off, n);
            bufPos += n;
            off += n;
            len -= n;
        }
    }

    /** Little-endian integer of {@code n} bytes. */
    public long readLe(int n) throws RdbException {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    // ----------------------------------------------------------- lengths

    private boolean encoded;

    /** rdbLoadLenByRef: a length, or (with {@link #encoded} set) a special string encoding. */
    private long readLenOrEncoding() throws RdbException {
        encoded = false;
        int b = readByte();
        switch (b >>> 6) {
            case 0:
                return b & 0x3f;
            case 1:
                return ((b & 0x3f) << 8) | readByte();
            case 2:
                if (b == 0x80) {
                    long v = 0;
                    for (int i = 0; i < 4; i++) {
                        v = (v << 8) | readByte();
                    }
                    return v;
                }
                if (b == 0x81) {
                    long v = 0;
                    for (int i = 0; i < 8; i++) {
                        v = (v << 8) | readByte();
                    }
                    return v;
                }
                throw new RdbException("unknown length encoding 0x" + Integer.toHexString(b), offset() - 1);
            default:
                encoded = true;
                return b & 0x3f;
        }
    }

    /** A plain length. */
    public long readLen() throws RdbException {
        long start = offset();
        long n = readLenOrEncoding();
        if (encoded) {
            throw new RdbException("expected a length, found a string encoding", start);
        }
        return n;
    }

    /**
     * A count of things that each take at least {@code minBytes} in what follows: refused
     * when the bytes left cannot hold that many.
     */
    private int readCount(int minBytes) throws RdbException {
        long start = offset();
        long n = readLen();
        if (n < 0 || n > remaining() / minBytes || n > Integer.MAX_VALUE - 8) {
            throw new RdbException("declared count " + Long.toUnsignedString(n) + " exceeds the data left", start);
        }
        return (int) n;
    }

    // ----------------------------------------------------------- strings

    /** Whether the string last read is bytes of the file (not integer-encoded or compressed). */
    private boolean lastVerbatim;

    /** A decoder of a blob held in a string (listpack, ziplist, intset). */
    private interface BlobDecoder<T> {
        T decode(byte[] blob, long base) throws RdbException;
    }

    /**
     * Decodes {@code blob}, the string just read (which started at {@code at}), so that the
     * decoder's error offsets are the file's: counted from the blob's first byte, or, for a
     * compressed or integer-encoded blob whose bytes are not in the file, the string's start.
     */
    private <T> T decodeBlob(byte[] blob, long at, BlobDecoder<T> decoder) throws RdbException {
        if (lastVerbatim) {
            return decoder.decode(blob, offset() - blob.length);
        }
        try {
            return decoder.decode(blob, 0);
        } catch (RdbException e) {
            throw new RdbException(e.reason() + " (at byte " + e.offset() + " of an encoded string)", at);
        }
    }

    /** rdbGenericLoadStringObject: raw, integer-encoded or LZF-compressed. */
    public byte[] readString() throws RdbException {
        lastVerbatim = false;
        long start = offset();
        long n = readLenOrEncoding();
        if (encoded) {
            switch ((int) n) {
                case ENC_INT8:
                    return Numbers.toBytes((byte) readByte());
                case ENC_INT16:
                    return Numbers.toBytes((short) readLe(2));
                case ENC_INT32:
                    return Numbers.toBytes((int) readLe(4));
                case ENC_LZF:
                    return readLzf(start);
                default:
                    throw new RdbException("unknown string encoding " + n, start);
            }
        }
        if (n < 0 || n > remaining()) {
            throw new RdbException("string length " + Long.toUnsignedString(n) + " exceeds the data left", start);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new RdbException("string too long: " + n, start);
        }
        byte[] b = new byte[(int) n];
        readFully(b, 0, b.length);
        lastVerbatim = true;
        return b;
    }

    private byte[] readLzf(long start) throws RdbException {
        long clen = readLen();
        long len = readLen();
        if (clen < 0 || clen > remaining()) {
            throw new RdbException("compressed length " + Long.toUnsignedString(clen) + " exceeds the data left", start);
        }
        // One LZF back-reference (at most 3 bytes) expands to at most 264 bytes.
        if (len < 0 || len > Integer.MAX_VALUE - 8 || len > clen * 264 + 32) {
            throw new RdbException("implausible uncompressed length " + Long.toUnsignedString(len), start);
        }
        byte[] c = new byte[(int) clen];
        readFully(c, 0, c.length);
        byte[] out = new byte[(int) len];
        if (!Lzf.decompress(c, 0, c.length, out)) {
            throw new RdbException("invalid LZF compressed string", start);
        }
        return out;
    }

    /** rdbLoadDoubleValue: the text form of old ZSET scores. */
    private double readTextDouble() throws RdbException {
        long start = offset();
        int len = readByte();
        switch (len) {
            case 253:
                return Double.NaN;
            case 254:
                return Double.POSITIVE_INFINITY;
            case 255:
                return Double.NEGATIVE_INFINITY;
            default:
                byte[] b = new byte[len];
                readFully(b, 0, len);
                return parseScore(b, start);
        }
    }

    /** A score as strtod reads it (listpack and ziplist entries, text doubles). */
    static double parseScore(byte[] b, long at) throws RdbException {
        String s = new String(b, StandardCharsets.ISO_8859_1).trim();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E'
                || c == '-' || c == '+')) {
            throw new RdbException("bad score '" + s + "'", at);
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new RdbException("bad score '" + s + "'", at);
        }
    }

    private double readBinaryDouble() throws RdbException {
        return Double.longBitsToDouble(readLe(8));
    }

    // ----------------------------------------------------------- values

    /** Whether {@code type} is a value type byte this reader knows (the caller checks opcodes first). */
    public static boolean isObjectType(int type) {
        return (type >= TYPE_STRING && type <= TYPE_ZSET_2) || (type >= TYPE_HASH_ZIPMAP && type <= TYPE_STREAM_LISTPACKS_3)
                || type == TYPE_MODULE || type == TYPE_MODULE_2;
    }

    /**
     * rdbLoadObject: the value of {@code type}, or {@code null} for an empty collection
     * (Redis skips such keys).
     */
    public RedisValue readObject(int type) throws RdbException {
        long start = offset();
        switch (type) {
            case TYPE_STRING:
                return RedisString.of(readString());
            case TYPE_LIST: {
                int n = readCount(1);
                RedisList l = Collections.newList(limits);
                for (int i = 0; i < n; i++) {
                    l.push(false, readString());
                }
                return l.size() == 0 ? null : l;
            }
            case TYPE_SET: {
                int n = readCount(1);
                RedisSet s = Collections.newSet(limits);
                for (int i = 0; i < n; i++) {
                    long at = offset();
                    if (!s.add(readString())) {
                        throw new RdbException("duplicate set member", at);
                    }
                }
                return s.size() == 0 ? null : s;
            }
            case TYPE_ZSET:
            case TYPE_ZSET_2: {
                int n = readCount(2);
                RedisSortedSet z = Collections.newSortedSet(limits);
                for (int i = 0; i < n; i++) {
                    long at = offset();
                    byte[] m = readString();
                    double score = type == TYPE_ZSET ? readTextDouble() : readBinaryDouble();
                    if (Double.isNaN(score)) {
                        throw new RdbException("sorted set score is NaN", at);
                    }
                    if (!Double.isNaN(z.score(m))) {
                        throw new RdbException("duplicate sorted set member", at);
                    }
                    z.put(m, score);
                }
                return z.size() == 0 ? null : z;
            }
            case TYPE_HASH: {
                int n = readCount(2);
                RedisHash h = Collections.newHash(limits);
                for (int i = 0; i < n; i++) {
                    long at = offset();
                    byte[] f = readString();
                    byte[] v = readString();
                    if (!h.put(f, v)) {
                        throw new RdbException("duplicate hash field", at);
                    }
                }
                return h.size() == 0 ? null : h;
            }
            case TYPE_LIST_QUICKLIST:
            case TYPE_LIST_QUICKLIST_2: {
                int nodes = readCount(2);
                RedisList l = Collections.newList(limits);
                for (int i = 0; i < nodes; i++) {
                    int container = QUICKLIST_NODE_PACKED;
                    if (type == TYPE_LIST_QUICKLIST_2) {
                        long at = offset();
                        long c = readLen();
                        if (c != QUICKLIST_NODE_PACKED && c != QUICKLIST_NODE_PLAIN) {
                            throw new RdbException("bad quicklist node container " + c, at);
                        }
                        container = (int) c;
                    }
                    long at = offset();
                    byte[] blob = readString();
                    if (container == QUICKLIST_NODE_PLAIN) {
                        l.push(false, blob);
                        continue;
                    }
                    List<byte[]> es = decodeBlob(blob, at, type == TYPE_LIST_QUICKLIST_2 ? Listpack::decode : Ziplist::decode);
                    for (byte[] e : es) {
                        l.push(false, e);
                    }
                }
                return l.size() == 0 ? null : l;
            }
            case TYPE_LIST_ZIPLIST: {
                long at = offset();
                List<byte[]> es = decodeBlob(readString(), at, Ziplist::decode);
                RedisList l = Collections.newList(limits);
                for (byte[] e : es) {
                    l.push(false, e);
                }
                return l.size() == 0 ? null : l;
            }
            case TYPE_SET_INTSET: {
                long at = offset();
                long[] vs = decodeBlob(readString(), at, Intset::decode);
                RedisSet s = Collections.newSet(limits);
                for (long v : vs) {
                    s.add(Numbers.toBytes(v));
                }
                return s.size() == 0 ? null : s;
            }
            case TYPE_SET_LISTPACK: {
                long at = offset();
                List<byte[]> es = decodeBlob(readString(), at, Listpack::decode);
                RedisSet s = Collections.newSet(limits);
                for (byte[] e : es) {
                    if (!s.add(e)) {
                        throw new RdbException("duplicate set member", at);
                    }
                }
                return s.size() == 0 ? null : s;
            }
            case TYPE_ZSET_ZIPLIST:
            case TYPE_ZSET_LISTPACK: {
                long at = offset();
                byte[] blob = readString();
                List<byte[]> es = decodeBlob(blob, at, type == TYPE_ZSET_LISTPACK ? Listpack::decode : Ziplist::decode);
                if ((es.size() & 1) != 0) {
                    throw new RdbException("sorted set blob with an odd number of entries", at);
                }
                RedisSortedSet z = Collections.newSortedSet(limits);
                Collections.loadingCompact(z, true);
                for (int i = 0; i < es.size(); i += 2) {
                    double score = parseScore(es.get(i + 1), at);
                    if (Double.isNaN(score)) {
                        throw new RdbException("sorted set score is NaN", at);
                    }
                    if (!Double.isNaN(z.score(es.get(i)))) {
                        throw new RdbException("duplicate sorted set member", at);
                    }
                    z.put(es.get(i), score);
                }
                Collections.loadingCompact(z, false);
                return z.size() == 0 ? null : z;
            }
            case TYPE_HASH_ZIPLIST:
            case TYPE_HASH_LISTPACK: {
                long at = offset();
                byte[] blob = readString();
                List<byte[]> es = decodeBlob(blob, at, type == TYPE_HASH_LISTPACK ? Listpack::decode : Ziplist::decode);
                if ((es.size() & 1) != 0) {
                    throw new RdbException("hash blob with an odd number of entries", at);
                }
                RedisHash h = Collections.newHash(limits);
                Collections.loadingCompact(h, true);
                for (int i = 0; i < es.size(); i += 2) {
                    if (!h.put(es.get(i), es.get(i + 1))) {
                        throw new RdbException("duplicate hash field", at);
                    }
                }
                Collections.loadingCompact(h, false);
                return h.size() == 0 ? null : h;
            }
            case TYPE_HASH_ZIPMAP:
                throw new RdbException("zipmap-encoded hashes (RDB before version 4) are not supported", start);
            case TYPE_STREAM_LISTPACKS:
            case TYPE_STREAM_LISTPACKS_2:
            case TYPE_STREAM_LISTPACKS_3:
                return readStream(type);
            case TYPE_MODULE:
                throw new RdbException("Pre-release module format not supported", start);
            case TYPE_MODULE_2:
                return readModuleValue();
            default:
                throw new RdbException("unknown value type " + type, start);
        }
    }

    private static io.pyredis.api.StreamId decodeId(byte[] b) {
        long ms = 0;
        long seq = 0;
        for (int i = 0; i < 8; i++) {
            ms = (ms << 8) | (b[i] & 0xff);
            seq = (seq << 8) | (b[8 + i] & 0xff);
        }
        return new io.pyredis.api.StreamId(ms, seq);
    }

    private io.pyredis.api.StreamId readRawId() throws RdbException {
        byte[] raw = new byte[16];
        readFully(raw, 0, 16);
        return decodeId(raw);
    }

    /**
     * rdbLoadObject for a stream (types 15, 19 and 7.2's 21): nodes checked as Redis's deep
     * sanitization does, groups, PELs and consumers with their cross references checked.
     */
    private io.pyredis.storage.internal.StreamValue readStream(int type) throws RdbException {
        io.pyredis.storage.internal.StreamValue s = new io.pyredis.storage.internal.StreamValue();
        long at = offset();
        long listpacks = readCount(2);
        while (listpacks-- > 0) {
            at = offset();
            byte[] key = readString();
            if (key.length != 16) {
                throw new RdbException("Stream node key entry is not the size of a stream ID", at);
            }
            at = offset();
            byte[] lp = readString();
            String why = s.loadNode(decodeId(key), lp);
            if (why != null) {
                throw new RdbException(why, at);
            }
        }
        long length = readLen();
        io.pyredis.api.StreamId last = new io.pyredis.api.StreamId(readLen(), readLen());
        io.pyredis.api.StreamId first = null;
        io.pyredis.api.StreamId maxDeleted = io.pyredis.api.StreamId.MIN;
        long added = length;
        if (type != TYPE_STREAM_LISTPACKS) {
            first = new io.pyredis.api.StreamId(readLen(), readLen());
            maxDeleted = new io.pyredis.api.StreamId(readLen(), readLen());
            added = readLen();
        }
        s.loaded(length, last, first, maxDeleted, added);
        if (length != 0 && s.nodes() == 0) {
            throw new RdbException("Stream length inconsistent with rax entries", offset());
        }
        long groups = readCount(3);
        while (groups-- > 0) {
            at = offset();
            byte[] name = readString();
            io.pyredis.api.StreamId gid = new io.pyredis.api.StreamId(readLen(), readLen());
            long read;
            if (type != TYPE_STREAM_LISTPACKS) {
                read = readLen();
            } else {
                read = s.estimateDistance(gid);
            }
            if (s.groups().containsKey(name)) {
                throw new RdbException("Duplicated consumer group name " + new String(name, StandardCharsets.UTF_8), at);
            }
            io.pyredis.api.RedisStream.Group g = new io.pyredis.api.RedisStream.Group(gid, read);
            s.groups().put(name, g);
            long pel = readCount(18);
            while (pel-- > 0) {
                at = offset();
                io.pyredis.api.StreamId id = readRawId();
                long time = readLe(8);
                long count = readLen();
                if (g.pel.putIfAbsent(id, new io.pyredis.api.RedisStream.Nack(null, time, count)) != null) {
                    throw new RdbException("Duplicated global PEL entry loading stream consumer group", at);
                }
            }
            long consumers = readCount(10);
            while (consumers-- > 0) {
                at = offset();
                byte[] cname = readString();
                if (g.consumers.containsKey(cname)) {
                    throw new RdbException("Duplicate stream consumer detected.", at);
                }
                long seen = readLe(8);
                if (type == TYPE_STREAM_LISTPACKS_3) {
                    readLe(8); // 7.2's active-time: 7.0 has no such field
                }
                io.pyredis.api.RedisStream.Consumer c = new io.pyredis.api.RedisStream.Consumer(cname, seen);
                g.consumers.put(cname, c);
                long cpel = readCount(16);
                while (cpel-- > 0) {
                    at = offset();
                    io.pyredis.api.StreamId id = readRawId();
                    io.pyredis.api.RedisStream.Nack nack = g.pel.get(id);
                    if (nack == null) {
                        throw new RdbException("Consumer entry not found in group global PEL", at);
                    }
                    if (nack.consumer != null || c.pel.putIfAbsent(id, nack) != null) {
                        throw new RdbException("Duplicated consumer PEL entry  loading a stream consumer group", at);
                    }
                    nack.consumer = c;
                }
            }
            for (io.pyredis.api.RedisStream.Nack n : g.pel.values()) {
                if (n.consumer == null) {
                    throw new RdbException("Stream CG PEL entry without consumer", offset());
                }
            }
        }
        return s;
    }

    /**
     * rdbLoadObject for RDB_TYPE_MODULE_2: the module id, the type's rdb_load callback
     * reading its items, and the EOF marker; every failure an {@link RdbException}.
     */
    private RedisValue readModuleValue() throws RdbException {
        long start = offset();
        long id = readLen();
        PersistentType<?> t = moduleTypes.byId(id);
        String name = ModuleTypes.nameOf(id);
        if (t == null) {
            throw new RdbException("The RDB file contains module data I can't load: no matching module type '"
                    + name + "'", start);
        }
        ModuleInput input = new ModuleInput();
        RedisValue v;
        try {
            v = t.load(input, (int) (id & 1023));
        } catch (RuntimeException | StackOverflowError e) {
            if (input.error != null) {
                throw input.error;
            }
            throw new RdbException("The RDB file contains module data for the module type '" + name
                    + "', that the responsible module is not able to load: " + e, start);
        }
        if (input.error != null) {
            throw input.error;
        }
        if (v == null || !t.valueClass().isInstance(v)) {
            throw new RdbException("The RDB file contains module data for the module type '" + name
                    + "', that the responsible module is not able to load.", start);
        }
        long at = offset();
        if (readLen() != MODULE_OPCODE_EOF) {
            throw new RdbException("The RDB file contains module data for the module '" + name
                    + "' that is not terminated by the proper module value EOF marker", at);
        }
        return v;
    }

    /** What a read of a plugin type's load throws; the reader keeps the real error. */
    private static final class ModuleReadError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModuleReadError(RdbException e) {
            super(e.getMessage(), null, false, false);
        }
    }

    /** RedisModule_Load*: each item checked for its opcode (RDB_TYPE_MODULE_2 is opcode-tagged). */
    private final class ModuleInput implements RdbInput {
        RdbException error;

        private ModuleReadError fail(RdbException e) {
            if (error == null) {
                error = e;
            }
            return new ModuleReadError(error);
        }

        private void opcode(int want) throws RdbException {
            if (error != null) {
                // A failed read leaves the position anywhere: every later read fails too.
                throw error;
            }
            long at = offset();
            long op = readLen();
            if (op != want) {
                throw new RdbException("module value item is opcode " + Long.toUnsignedString(op) + ", expected "
                        + want, at);
            }
        }

        @Override
        public long readUnsigned() {
            try {
                opcode(MODULE_OPCODE_UINT);
                return readLen();
            } catch (RdbException e) {
                throw fail(e);
            }
        }

        @Override
        public long readSigned() {
            // RM_LoadSigned is RM_LoadUnsigned of the same bits.
            return readUnsigned();
        }

        @Override
        public double readDouble() {
            try {
                opcode(MODULE_OPCODE_DOUBLE);
                return Double.longBitsToDouble(readLe(8));
            } catch (RdbException e) {
                throw fail(e);
            }
        }

        @Override
        public float readFloat() {
            try {
                opcode(MODULE_OPCODE_FLOAT);
                return Float.intBitsToFloat((int) readLe(4));
            } catch (RdbException e) {
                throw fail(e);
            }
        }

        @Override
        public byte[] readBytes() {
            try {
                opcode(MODULE_OPCODE_STRING);
                return RdbReader.this.readString();
            } catch (RdbException e) {
                throw fail(e);
            }
        }
    }

    /** Skips the value of a MODULE_AUX opcode (rdbLoadCheckModuleValue), after its module id and when fields. */
    public void skipModuleValue() throws RdbException {
        while (true) {
            long at = offset();
            long op = readLen();
            switch ((int) op) {
                case MODULE_OPCODE_EOF:
                    return;
                case MODULE_OPCODE_SINT:
                case MODULE_OPCODE_UINT:
                    readLen();
                    break;
                case MODULE_OPCODE_FLOAT:
                    readLe(4);
                    break;
                case MODULE_OPCODE_DOUBLE:
                    readLe(8);
                    break;
                case MODULE_OPCODE_STRING:
                    readString();
                    break;
                default:
                    throw new RdbException("unknown module value opcode " + op, at);
            }
        }
    }
}
