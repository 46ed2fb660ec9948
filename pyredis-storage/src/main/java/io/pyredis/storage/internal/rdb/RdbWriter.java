package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;
import io.pyredis.api.PersistentType;
import io.pyredis.api.RdbOutput;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.internal.Quicklist;
import io.pyredis.storage.ModuleTypes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static io.pyredis.storage.internal.rdb.RdbConstants.*;

/**
 * Writes RDB primitives and values as Redis 7.0's rdb.c does (RDB version 10), keeping
 * the CRC64 of everything written. Buffered; {@link #flush()} hands the bytes on.
 */
public final class RdbWriter {

    private final OutputStream out;
    private final boolean compression;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private long crc;
    private long written;
    private final EncodingLimits limits;
    /** Created at the first compressed string: 256 KB that DUMP of a short value does not need. */
    private Lzf.Table lzfTable;

    /**
     * @param compression {@code rdbcompression}: LZF for strings over 20 bytes
     * @param limits      the list node size rule ({@code list-max-listpack-size})
     */
    public RdbWriter(OutputStream out, boolean compression, EncodingLimits limits) {
        this.out = out;
        this.compression = compression;
        this.limits = limits;
    }

    /** The CRC64 of every byte written. */
    public long crc() {
        return Crc64.update(crc, buf, 0, pos);
    }

    /** Bytes written so far. */
    public long written() {
        return written + pos;
    }

    public void flush() throws IOException {
        crc = Crc64.update(crc, buf, 0, pos);
        out.write(buf, 0, pos);
        written += pos;
        pos = 0;
    }

    public void writeByte(int b) throws IOException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == buf.length) {
                flush();
            }
            int n = Math.min(len, buf.length - pos);
            System.arraycopy(b, off, buf, pos, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    public void writeLe(long v, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            writeByte((int) (v >>> (8 * i)));
        }
    }

    /** rdbSaveLen; {@code len} is unsigned (a module's 64-bit values use the whole range). */
    public void writeLen(long len) throws IOException {
        if (len >= 0 && len < (1 << 6)) {
            writeByte((int) len);
        } else if (len >= 0 && len < (1 << 14)) {
            writeByte((int) ((len >>> 8) | 0x40));
            writeByte((int) (len & 0xff));
        } else if (len >= 0 && len <= 0xffffffffL) {
            writeByte(0x80);
            for (int i = 3; i >= 0; i--) {
                writeByte((int) (len >>> (8 * i)));
            }
        } else {
            writeByte(0x81);
            for (int i = 7; i >= 0; i--) {
                writeByte((int) (len >>> (8 * i)));
            }
        }
    }

    /** rdbSaveRawString: integer encoding for short canonical integers, LZF when enabled and worth it, else raw. */
    public void writeString(byte[] s) throws IOException {
        int len = s.length;
        if (len <= 11 && len > 0 && Numbers.isCanonicalLong(s)) {
            long v = Numbers.parseLong(s);
            if (writeEncodedInt(v)) {
                return;
            }
        }
        if (compression && len > 20 && writeLzf(s)) {
            return;
        }
        writeLen(len);
        write(s, 0, len);
    }

    /** rdbEncodeInteger: INT8/16/32 encodings; false when {@code v} needs more than 32 bits. */
    private boolean writeEncodedInt(long v) throws IOException {
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT8);
            writeByte((int) v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT16);
            writeLe(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            writeByte(0xC0 | ENC_INT32);
            writeLe(v, 4);
        } else {
            return false;
        }
        return true;
    }

    /** rdbSaveLzfStringObject: only when the result is at least 4 bytes shorter. */
    private boolean writeLzf(byte[] s) throws IOException {
        int len = s.length;
        if (len <= 4) {
            return false;
        }
        byte[] c = new byte[len - 4];
        if (lzfTable == null) {
            lzfTable = new Lzf.Table();
        }
        int clen = Lzf.compress(s, len, c, lzfTable);
        if (clen == 0) {
            return false;
        }
        writeByte(0xC0 | ENC_LZF);
        writeLen(clen);
        writeLen(len);
        write(c, 0, clen);
        return true;
    }

    /** An AUX field with a string value. */
    public void writeAux(String key, String value) throws IOException {
        writeByte(OPCODE_AUX);
        writeString(key.getBytes(StandardCharsets.UTF_8));
        writeString(value.getBytes(StandardCharsets.UTF_8));
    }

    // ----------------------------------------------------------- values

    /**
     * The type byte rdbSaveObjectType writes for {@code v}; -1 for a type RDB cannot hold
     * (a plugin's type that is not a {@link PersistentType}).
     */
    public static int typeOf(RedisValue v) {
        if (v.type() instanceof PersistentType<?> t && t.valueClass().isInstance(v)) {
            return TYPE_MODULE_2;
        }
        if (v instanceof RedisString) {
            return TYPE_STRING;
        }
        if (v instanceof RedisList) {
            return TYPE_LIST_QUICKLIST_2;
        }
        if (v instanceof io.pyredis.storage.internal.StreamValue) {
            return TYPE_STREAM_LISTPACKS_2;
        }
        if (v instanceof RedisHash) {
            return "listpack".equals(v.encoding()) ? TYPE_HASH_LISTPACK : TYPE_HASH;
        }
        if (v instanceof RedisSet) {
            return "intset".equals(v.encoding()) ? TYPE_SET_INTSET : TYPE_SET;
        }
        if (v instanceof RedisSortedSet) {
            return "listpack".equals(v.encoding()) ? TYPE_ZSET_LISTPACK : TYPE_ZSET_2;
        }
        return -1;
    }

    /** rdbSaveObject: the value of {@code v} for the type byte {@code type} ({@link #typeOf}). */
    public void writeObject(int type, RedisValue v) throws IOException {
        switch (type) {
            case TYPE_STRING:
                writeString(((RedisString) v).bytes());
                break;
            case TYPE_LIST_QUICKLIST_2:
                writeList((RedisList) v);
                break;
            case TYPE_HASH_LISTPACK: {
                RedisHash h = (RedisHash) v;
                Listpack.Builder b = new Listpack.Builder();
                for (int i = 0, n = h.size(); i < n; i++) {
                    b.add(h.fieldAt(i)).add(h.valueAt(i));
                }
                writeString(b.build());
                break;
            }
            case TYPE_HASH: {
                RedisHash h = (RedisHash) v;
                writeLen(h.size());
                IOException[] err = new IOException[1];
                h.forEach((f, val) -> {
                    if (err[0] == null) {
                        try {
                            writeString(f);
                            writeString(val);
                        } catch (IOException e) {
                            err[0] = e;
                        }
                    }
                });
                if (err[0] != null) {
                    throw err[0];
                }
                break;
            }
            case TYPE_SET_INTSET: {
                RedisSet s = (RedisSet) v;
                int n = s.size();
                long[] vs = new long[n];
                for (int i = 0; i < n; i++) {
                    vs[i] = Numbers.parseLong(s.memberAt(i));
                }
                java.util.Arrays.sort(vs);
                writeString(Intset.encode(vs, n));
                break;
            }
            case TYPE_SET: {
                RedisSet s = (RedisSet) v;
                writeLen(s.size());
                IOException[] err = new IOException[1];
                s.forEach(m -> {
                    if (err[0] == null) {
                        try {
                            writeString(m);
                        } catch (IOException e) {
                            err[0] = e;
                        }
                    }
                });
                if (err[0] != null) {
                    throw err[0];
                }
                break;
            }
            case TYPE_ZSET_LISTPACK: {
                RedisSortedSet z = (RedisSortedSet) v;
                Listpack.Builder b = new Listpack.Builder();
                for (long r = 0, n = z.size(); r < n; r++) {
                    b.add(z.memberAt(r));
                    double d = z.scoreAt(r);
                    if (d == Math.rint(d) && Math.abs(d) < 1e17 && !(d == 0 && 1 / d < 0)) {
                        b.addInt((long) d);
                    } else {
                        b.add(scoreText(d));
                    }
                }
                writeString(b.build());
                break;
            }
            case TYPE_ZSET_2: {
                RedisSortedSet z = (RedisSortedSet) v;
                long n = z.size();
                writeLen(n);
                // Greatest first, as Redis writes it (so a loader can insert at the head).
                for (long r = n - 1; r >= 0; r--) {
                    writeString(z.memberAt(r));
                    writeLe(Double.doubleToRawLongBits(z.scoreAt(r)), 8);
                }
                break;
            }
            case TYPE_MODULE_2:
                writeModuleValue((PersistentType<?>) v.type(), v);
                break;
            case TYPE_STREAM_LISTPACKS_2:
                writeStream((io.pyredis.storage.internal.StreamValue) v);
                break;
            default:
                throw new IllegalArgumentException("cannot write type " + type);
        }
    }

    /**
     * rdbSaveObject for a stream (RDB_TYPE_STREAM_LISTPACKS_2): the nodes as they are (key,
     * listpack), the counters, then each group with its PEL and consumers.
     */
    private void writeStream(io.pyredis.storage.internal.StreamValue s) throws IOException {
        var nodes = s.nodeMap();
        writeLen(nodes.size());
        for (var e : nodes.entrySet()) {
            writeString(rawId(e.getKey()));
            writeString(e.getValue().bytes());
        }
        writeLen(s.length());
        writeLen(s.lastId().ms());
        writeLen(s.lastId().seq());
        writeLen(s.firstId().ms());
        writeLen(s.firstId().seq());
        writeLen(s.maxDeletedId().ms());
        writeLen(s.maxDeletedId().seq());
        writeLen(s.entriesAdded());
        if (!s.hasGroups()) {
            writeLen(0);
            return;
        }
        writeLen(s.groups().size());
        for (var ge : s.groups().entrySet()) {
            io.pyredis.api.RedisStream.Group g = ge.getValue();
            writeString(ge.getKey());
            writeLen(g.lastId.ms());
            writeLen(g.lastId.seq());
            writeLen(g.entriesRead);
            writeLen(g.pel.size());
            for (var ne : g.pel.entrySet()) {
                byte[] id = rawId(ne.getKey());
                write(id, 0, id.length);
                writeLe(ne.getValue().deliveryTime, 8);
                writeLen(ne.getValue().deliveryCount);
            }
            writeLen(g.consumers.size());
            for (io.pyredis.api.RedisStream.Consumer c : g.consumers.values()) {
                writeString(c.name);
                writeLe(c.seenTime, 8);
                writeLen(c.pel.size());
                for (io.pyredis.api.StreamId id : c.pel.keySet()) {
                    byte[] raw = rawId(id);
                    write(raw, 0, raw.length);
                }
            }
        }
    }

    /** streamEncodeID: the ID as a 128-bit big-endian number. */
    static byte[] rawId(io.pyredis.api.StreamId id) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.ms() >>> (56 - 8 * i));
            b[8 + i] = (byte) (id.seq() >>> (56 - 8 * i));
        }
        return b;
    }

    /**
     * rdbSaveObject for a module value: the module id, what the type's rdb_save callback
     * writes (each item behind its RDB_MODULE_OPCODE_*), and RDB_MODULE_OPCODE_EOF.
     */
    private <V extends RedisValue> void writeModuleValue(PersistentType<V> t, RedisValue v) throws IOException {
        writeLen(ModuleTypes.encodeId(t.name(), t.encodingVersion()));
        ModuleOutput out = new ModuleOutput();
        try {
            t.save(t.valueClass().cast(v), out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("data type '" + t.name() + "' failed to save a value: " + e, e);
        }
        if (out.error != null) {
            // The type caught the failure of a write: the stream is broken all the same.
            throw out.error;
        }
        writeLen(MODULE_OPCODE_EOF);
    }

    /** RedisModule_Save*: each item is its opcode (rdbSaveLen) and its value. */
    private final class ModuleOutput implements RdbOutput {
        IOException error;

        private UncheckedIOException fail(IOException e) {
            if (error == null) {
                error = e;
            }
            return new UncheckedIOException(e);
        }

        @Override
        public void writeUnsigned(long value) {
            try {
                writeLen(MODULE_OPCODE_UINT);
                writeLen(value);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public void writeSigned(long value) {
            // RM_SaveSigned is RM_SaveUnsigned of the same bits.
            writeUnsigned(value);
        }

        @Override
        public void writeDouble(double value) {
            try {
                writeLen(MODULE_OPCODE_DOUBLE);
                writeLe(Double.doubleToRawLongBits(value), 8);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public void writeFloat(float value) {
            try {
                writeLen(MODULE_OPCODE_FLOAT);
                writeLe(Float.floatToRawIntBits(value), 4);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public void writeBytes(byte[] value) {
            try {
                writeLen(MODULE_OPCODE_STRING);
                RdbWriter.this.writeString(value);
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }

    /** d2string's text, as strtod reads it back exactly (Java's shortest round-trip form). */
    static byte[] scoreText(double d) {
        String s;
        if (Double.isInfinite(d)) {
            s = d > 0 ? "inf" : "-inf";
        } else if (d == 0) {
            s = 1 / d < 0 ? "-0" : "0";
        } else {
            s = Double.toString(d);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * QUICKLIST_2: the list cut into nodes as Redis's quicklist cuts it (listpacks by
     * {@code list-max-listpack-size}, elements past the packed threshold in plain nodes).
     */
    private void writeList(RedisList l) throws IOException {
        java.util.List<Quicklist.Node> nodes = Quicklist.nodes(l, limits.listMaxListpackSize,
                limits.quicklistPackedThreshold);
        writeLen(nodes.size());
        for (Quicklist.Node node : nodes) {
            if (node.plain()) {
                writeLen(QUICKLIST_NODE_PLAIN);
                writeString(l.get(node.first()));
                continue;
            }
            Listpack.Builder b = new Listpack.Builder();
            for (int i = node.first(), end = node.first() + node.count(); i < end; i++) {
                b.add(l.get(i));
            }
            writeLen(QUICKLIST_NODE_PACKED);
            writeString(b.build());
        }
    }
}
