package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.ModuleTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An image of the data as the commands that rebuild it, as Redis 7.0's
 * rewriteAppendOnlyFileRio writes an AOF base when {@code aof-use-rdb-preamble} is no:
 * {@code SELECT} per database, then per key {@code SET}, or {@code RPUSH}/{@code SADD}/
 * {@code ZADD}/{@code HMSET} of at most 64 items each (AOF_REWRITE_ITEMS_PER_CMD), a
 * plugin type's own commands, and {@code PEXPIREAT} for a deadline.
 */
public final class CommandsFormat implements RdbSnapshot.Format {

    /** Redis's AOF_REWRITE_ITEMS_PER_CMD. */
    static final int ITEMS_PER_COMMAND = 64;

    private static final byte[] SELECT = ascii("SELECT");
    private static final byte[] SET = ascii("SET");
    private static final byte[] RPUSH = ascii("RPUSH");
    private static final byte[] SADD = ascii("SADD");
    private static final byte[] ZADD = ascii("ZADD");
    private static final byte[] HMSET = ascii("HMSET");
    private static final byte[] PEXPIREAT = ascii("PEXPIREAT");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void header(RdbWriter w) {
    }

    @Override
    public void database(RdbWriter w, int db, long size, long expires) throws IOException {
        command(w, SELECT, Numbers.toBytes(db));
    }

    @Override
    public boolean entry(RdbWriter w, byte[] key, RedisValue value, long expireAt) throws IOException {
        if (value instanceof RedisString s) {
            command(w, SET, key, s.bytes());
        } else if (value instanceof RedisList l) {
            Batch b = new Batch(w, RPUSH, key, 1);
            for (int i = 0, n = l.size(); i < n; i++) {
                b.add(l.get(i));
            }
            b.end();
        } else if (value instanceof RedisSet s) {
            Batch b = new Batch(w, SADD, key, 1);
            s.forEach(b::addUnchecked);
            b.end();
        } else if (value instanceof RedisSortedSet z) {
            Batch b = new Batch(w, ZADD, key, 2);
            for (long r = 0, n = z.size(); r < n; r++) {
                b.add(Numbers.formatDouble(z.scoreAt(r)).getBytes(StandardCharsets.US_ASCII), z.memberAt(r));
            }
            b.end();
        } else if (value instanceof RedisHash h) {
            Batch b = new Batch(w, HMSET, key, 2);
            h.forEach(b::addUnchecked);
            b.end();
        } else if (value instanceof io.pyredis.api.RedisStream st) {
            stream(w, key, st);
        } else {
            List<byte[][]> emitted = new ArrayList<>();
            if (!ModuleTypes.rewrite(key, value, emitted::add)) {
                return false;
            }
            for (byte[][] c : emitted) {
                command(w, c);
            }
        }
        if (expireAt >= 0) {
            command(w, PEXPIREAT, key, Numbers.toBytes(expireAt));
        }
        return true;
    }

    @Override
    public void footer(RdbWriter w) {
    }

    /**
     * rewriteStreamObject: each entry as XADD with its ID (an empty stream as an XADD
     * trimmed away), XSETID with the counters, then each group: XGROUP CREATE, and per
     * consumer XCLAIMs of its pending entries or XGROUP CREATECONSUMER.
     */
    private static void stream(RdbWriter w, byte[] key, io.pyredis.api.RedisStream s) throws IOException {
        if (s.length() > 0) {
            var it = s.range(io.pyredis.api.StreamId.MIN, io.pyredis.api.StreamId.MAX, false);
            while (it.hasNext()) {
                var e = it.next();
                byte[][] fv = e.fieldsAndValues();
                byte[][] cmd = new byte[3 + fv.length][];
                cmd[0] = ascii("XADD");
                cmd[1] = key;
                cmd[2] = e.id().toBytes();
                System.arraycopy(fv, 0, cmd, 3, fv.length);
                command(w, cmd);
            }
        } else {
            command(w, ascii("XADD"), key, ascii("MAXLEN"), ascii("0"), ascii("0-1"), ascii("x"), ascii("y"));
        }
        command(w, ascii("XSETID"), key, s.lastId().toBytes(), ascii("ENTRIESADDED"), Numbers.toBytes(s.entriesAdded()),
                ascii("MAXDELETEDID"), s.maxDeletedId().toBytes());
        for (var ge : s.groups().entrySet()) {
            var g = ge.getValue();
            command(w, ascii("XGROUP"), ascii("CREATE"), key, ge.getKey(), g.lastId.toBytes(), ascii("ENTRIESREAD"),
                    Numbers.toBytes(g.entriesRead));
            for (var c : g.consumers.values()) {
                if (c.pel.isEmpty()) {
                    command(w, ascii("XGROUP"), ascii("CREATECONSUMER"), key, ge.getKey(), c.name);
                    continue;
                }
                for (var ne : c.pel.entrySet()) {
                    command(w, ascii("XCLAIM"), key, ge.getKey(), c.name, ascii("0"), ne.getKey().toBytes(),
                            ascii("TIME"), Numbers.toBytes(ne.getValue().deliveryTime), ascii("RETRYCOUNT"),
                            Numbers.toBytes(ne.getValue().deliveryCount), ascii("JUSTID"), ascii("FORCE"));
                }
            }
        }
    }

    private static void command(RdbWriter w, byte[]... args) throws IOException {
        count(w, '*', args.length);
        for (byte[] a : args) {
            bulk(w, a);
        }
    }

    private static void count(RdbWriter w, char prefix, long n) throws IOException {
        w.writeByte(prefix);
        byte[] digits = Numbers.toBytes(n);
        w.write(digits, 0, digits.length);
        w.writeByte('\r');
        w.writeByte('\n');
    }

    private static void bulk(RdbWriter w, byte[] a) throws IOException {
        count(w, '$', a.length);
        w.write(a, 0, a.length);
        w.writeByte('\r');
        w.writeByte('\n');
    }

    /** Items of one collection, {@value #ITEMS_PER_COMMAND} (of {@code width} arguments) to a command. */
    private static final class Batch {
        private final RdbWriter w;
        private final byte[] name;
        private final byte[] key;
        private final int width;
        private final List<byte[]> items = new ArrayList<>();

        Batch(RdbWriter w, byte[] name, byte[] key, int width) {
            this.w = w;
            this.name = name;
            this.key = key;
            this.width = width;
        }

        void add(byte[]... item) throws IOException {
            for (byte[] a : item) {
                items.add(a);
            }
            if (items.size() == ITEMS_PER_COMMAND * width) {
                end();
            }
        }

        /** For forEach callbacks, which cannot throw. */
        void addUnchecked(byte[]... item) {
            try {
                add(item);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end() throws IOException {
            if (items.isEmpty()) {
                return;
            }
            count(w, '*', 2L + items.size());
            bulk(w, name);
            bulk(w, key);
            for (byte[] a : items) {
                bulk(w, a);
            }
            items.clear();
        }
    }
}
