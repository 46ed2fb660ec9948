package io.pyredis.example.ratelimit;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;
import io.pyredis.api.Session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Just enough of a server for the command: one database that honours deadlines against a
 * clock the test moves, and a reply sink that records what a RESP2 client would read.
 */
final class FakeContext implements CommandContext {

    long now = 1_700_000_000_000L;
    final FakeDatabase db = new FakeDatabase();
    final List<Object> replies = new ArrayList<>();
    /** What the command asked the AOF to record, one list of arguments per command. */
    final List<List<String>> propagated = new ArrayList<>();

    @Override
    public Session session() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Database db() {
        return db;
    }

    @Override
    public Database db(int index) {
        if (index != 0) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        return db;
    }

    @Override
    public int databases() {
        return 1;
    }

    @Override
    public Reply reply() {
        return reply;
    }

    @Override
    public void propagate(byte[]... command) {
        List<String> args = new ArrayList<>();
        for (byte[] a : command) {
            args.add(new String(a, java.nio.charset.StandardCharsets.UTF_8));
        }
        propagated.add(args);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public String config(String name) {
        return null;
    }

    @Override
    public boolean block(byte[][] keys, long timeoutMillis) {
        return false;
    }

    final class FakeDatabase implements Database {
        final Map<ByteBuffer, RedisValue> values = new HashMap<>();
        final Map<ByteBuffer, Long> deadlines = new HashMap<>();

        private ByteBuffer live(byte[] key) {
            ByteBuffer k = ByteBuffer.wrap(key);
            Long deadline = deadlines.get(k);
            if (deadline != null && deadline <= now) {
                values.remove(k);
                deadlines.remove(k);
            }
            return k;
        }

        @Override
        public int index() {
            return 0;
        }

        @Override
        public RedisValue get(byte[] key) {
            return values.get(live(key));
        }

        @Override
        public <T extends RedisValue> T get(byte[] key, Class<T> type) {
            RedisValue v = get(key);
            if (v != null && !type.isInstance(v)) {
                throw RedisError.WRONGTYPE;
            }
            return type.cast(v);
        }

        @Override
        public boolean exists(byte[] key) {
            return get(key) != null;
        }

        @Override
        public void set(byte[] key, RedisValue value) {
            values.put(ByteBuffer.wrap(key), value);
            deadlines.remove(ByteBuffer.wrap(key));
        }

        @Override
        public void setKeepTtl(byte[] key, RedisValue value) {
            values.put(live(key), value);
        }

        @Override
        public void set(byte[] key, RedisValue value, long expireAtMillis) {
            values.put(ByteBuffer.wrap(key), value);
            deadlines.put(ByteBuffer.wrap(key), expireAtMillis);
        }

        @Override
        public boolean delete(byte[] key) {
            deadlines.remove(live(key));
            return values.remove(ByteBuffer.wrap(key)) != null;
        }

        @Override
        public long expireAt(byte[] key) {
            ByteBuffer k = live(key);
            return !values.containsKey(k) ? -2 : deadlines.getOrDefault(k, -1L);
        }

        @Override
        public boolean expireAt(byte[] key, long expireAtMillis) {
            ByteBuffer k = live(key);
            if (!values.containsKey(k)) {
                return false;
            }
            deadlines.put(k, expireAtMillis);
            return true;
        }

        @Override
        public boolean persist(byte[] key) {
            return deadlines.remove(live(key)) != null;
        }

        @Override
        public long size() {
            return values.size();
        }

        @Override
        public long expiresSize() {
            return deadlines.size();
        }

        @Override
        public void clear() {
            values.clear();
            deadlines.clear();
        }

        @Override
        public byte[] randomKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long scan(long cursor, int count, Consumer<byte[]> out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void modified(byte[] key) {
        }

        @Override
        public io.pyredis.api.RedisList createList() {
            throw new UnsupportedOperationException("the rate limiter stores strings only");
        }

        @Override
        public io.pyredis.api.RedisHash createHash() {
            throw new UnsupportedOperationException("the rate limiter stores strings only");
        }

        @Override
        public io.pyredis.api.RedisSet createSet() {
            throw new UnsupportedOperationException("the rate limiter stores strings only");
        }

        @Override
        public io.pyredis.api.RedisSortedSet createSortedSet() {
            throw new UnsupportedOperationException("the rate limiter stores strings only");
        }
    }

    /** Records integers as Longs and array headers as "*n"; the command writes nothing else. */
    private final Reply reply = new Reply() {
        @Override public int protocol() { return 2; }
        @Override public void simple(String text) { replies.add("+" + text); }
        @Override public void ok() { replies.add("+OK"); }
        @Override public void error(String message) { replies.add("-" + message); }
        @Override public void integer(long value) { replies.add(value); }
        @Override public void bulk(byte[] value) { replies.add(new String(value)); }
        @Override public void bulk(byte[] value, int offset, int length) { replies.add(new String(value, offset, length)); }
        @Override public void bulk(String value) { replies.add(value); }
        @Override public void bulk(long value) { replies.add(Long.toString(value)); }
        @Override public void nullBulk() { replies.add(null); }
        @Override public void nullArray() { replies.add(null); }
        @Override public void array(int count) { replies.add("*" + count); }
        @Override public void map(int pairs) { replies.add("%" + pairs); }
        @Override public void set(int count) { replies.add("~" + count); }
        @Override public void push(int count) { replies.add(">" + count); }
        @Override public void doubleValue(double value) { replies.add(value); }
        @Override public void bool(boolean value) { replies.add(value); }
        @Override public void verbatim(String format, byte[] text) { replies.add(new String(text)); }
        @Override public void bigNumber(String digits) { replies.add(digits); }
    };
}
