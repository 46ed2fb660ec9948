package io.pyredis.storage;

import static io.pyredis.storage.TestValues.str;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyspaceTest {

    private static final long T0 = 1_700_000_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final Keyspace ks = new Keyspace(16, clock);
    private final Database db = ks.db(0);

    private static byte[] k(String s) {
        return s.getBytes(UTF_8);
    }

    private void tick(long millis) {
        clock.advance(millis);
        ks.refreshTime();
    }

    @Test
    void setGetDelete() {
        RedisValue v = str("v");
        db.set(k("a"), v);
        assertSame(v, db.get(k("a")), "found with a different array of the same bytes");
        assertTrue(db.exists(k("a")));
        assertEquals(1, db.size());
        assertNull(db.get(k("b")));

        RedisValue w = str("w");
        db.set(k("a"), w);
        assertSame(w, db.get(k("a")));
        assertEquals(1, db.size());

        assertTrue(db.delete(k("a")));
        assertFalse(db.delete(k("a")));
        assertNull(db.get(k("a")));
        assertFalse(db.exists(k("a")));
        assertEquals(0, db.size());
    }

    @Test
    void manyKeysSurviveGrowthAndShrink() {
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            db.set(k("key:" + i), str("v" + i));
        }
        assertEquals(n, db.size());
        for (int i = 0; i < n; i++) {
            assertEquals(str("v" + i), db.get(k("key:" + i)), "key:" + i);
        }
        for (int i = 0; i < n; i += 2) {
            assertTrue(db.delete(k("key:" + i)));
        }
        for (int i = 1; i < n - 100; i += 2) {
            assertTrue(db.delete(k("key:" + i)));
        }
        assertEquals(50, db.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i >= n - 100 && i % 2 == 1, db.exists(k("key:" + i)), "key:" + i);
        }
    }

    @Test
    void keysAreBinarySafe() {
        for (int b = 0; b < 256; b++) {
            db.set(new byte[] {(byte) b}, str("one:" + b));
        }
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        db.set(all, str("all"));
        db.set(new byte[0], str("empty"));
        // Keys that differ only in their last byte, at every length the hash treats apart.
        for (int len = 1; len <= 40; len++) {
            for (int last = 0; last < 3; last++) {
                byte[] key = new byte[len];
                key[len - 1] = (byte) last;
                db.set(key, str(len + "/" + last));
            }
        }
        for (int b = 3; b < 256; b++) {
            assertEquals(str("one:" + b), db.get(new byte[] {(byte) b}));
        }
        assertEquals(str("all"), db.get(all.clone()));
        assertEquals(str("empty"), db.get(new byte[0]));
        for (int len = 1; len <= 40; len++) {
            for (int last = 0; last < 3; last++) {
                byte[] key = new byte[len];
                key[len - 1] = (byte) last;
                if (len == 1) {
                    // Same bytes as the single-byte keys above: overwritten.
                    assertEquals(str("1/" + last), db.get(key));
                } else {
                    assertEquals(str(len + "/" + last), db.get(key));
                }
            }
        }
        assertEquals(256 + 1 + 1 + 39 * 3, db.size());
        assertTrue(db.delete(new byte[0]));
        assertNull(db.get(new byte[0]));
    }

    @Test
    void ttlSetKeepAndClear() {
        byte[] key = k("t");
        assertEquals(-2, db.expireAt(key));
        assertFalse(db.expireAt(key, T0 + 10), "no deadline for a missing key");

        db.set(key, str("1"), T0 + 5000);
        assertEquals(T0 + 5000, db.expireAt(key));
        assertEquals(1, db.expiresSize());

        db.setKeepTtl(key, str("2"));
        assertEquals(str("2"), db.get(key));
        assertEquals(T0 + 5000, db.expireAt(key), "KEEPTTL keeps the deadline");

        assertTrue(db.expireAt(key, T0 + 9000));
        assertEquals(T0 + 9000, db.expireAt(key));
        assertEquals(1, db.expiresSize());

        db.set(key, str("3"));
        assertEquals(-1, db.expireAt(key), "plain SET clears the deadline");
        assertEquals(0, db.expiresSize());
        assertFalse(db.persist(key));

        db.setKeepTtl(k("fresh"), str("x"));
        assertEquals(-1, db.expireAt(k("fresh")));

        assertTrue(db.expireAt(key, T0 + 100));
        assertTrue(db.persist(key));
        assertEquals(-1, db.expireAt(key));
        assertEquals(0, db.expiresSize());
        tick(1000);
        assertEquals(str("3"), db.get(key), "persisted key does not expire");

        db.set(key, str("4"), T0 + 2000);
        assertTrue(db.delete(key));
        assertEquals(0, db.expiresSize(), "deleting drops the deadline");
    }

    @Test
    void pausedExpiryHidesButKeeps() {
        db.set(k("x"), str("x"), T0 + 100);
        db.set(k("keep"), str("keep"));
        ks.pauseExpiry(true);
        tick(101);
        assertNull(db.get(k("x")), "logically expired");
        List<String> scanned = new ArrayList<>();
        db.scan(0, 10, key -> scanned.add(new String(key, UTF_8)));
        assertEquals(List.of("keep"), scanned);
        assertEquals(0, ks.activeExpireCycle(1_000_000));
        assertEquals(2, db.size(), "nothing deleted while paused");
        assertEquals(0, ks.expiredKeys());
        ks.pauseExpiry(false);
        assertNull(db.get(k("x")));
        assertEquals(1, db.size());
        assertEquals(1, ks.expiredKeys());
    }

    @Test
    void lazyExpiryHidesAndDeletesAtOnce() {
        db.set(k("x"), str("x"), T0 + 100);
        db.set(k("y"), str("y"), T0 + 100);
        db.set(k("z"), str("z"), T0 + 100);
        db.set(k("keep"), str("keep"));

        tick(100);
        assertEquals(str("x"), db.get(k("x")), "alive at its deadline, as in Redis (now > when)");

        clock.advance(1);
        assertEquals(str("x"), db.get(k("x")), "the time is cached until refreshTime()");

        assertEquals(T0 + 101, ks.refreshTime());
        assertEquals(T0 + 101, ks.now());
        assertEquals(4, db.size(), "not reclaimed until touched");
        assertNull(db.get(k("x")));
        assertFalse(db.exists(k("y")));
        assertEquals(-2, db.expireAt(k("z")));
        assertEquals(1, db.size());
        assertEquals(0, db.expiresSize());
        assertEquals(3, ks.expiredKeys());
        assertEquals(str("keep"), db.get(k("keep")));
    }

    @Test
    void writesAndDeletesOverExpiredKeysCountThemExpired() {
        db.set(k("a"), str("a"), T0 + 1);
        db.set(k("b"), str("b"), T0 + 1);
        db.set(k("c"), str("c"), T0 + 1);
        tick(2);

        assertFalse(db.delete(k("a")), "an expired key was not there to delete");
        db.setKeepTtl(k("b"), str("b2"));
        assertEquals(-1, db.expireAt(k("b")), "the old deadline died with the old key");
        assertEquals(str("b2"), db.get(k("b")));
        assertFalse(db.expireAt(k("c"), T0 + 10_000), "cannot revive an expired key");
        assertFalse(db.persist(k("c")));
        assertEquals(3, ks.expiredKeys());
        assertEquals(1, db.size());
    }

    @Test
    void deadlineInThePastLeavesKeyInvisible() {
        db.set(k("p"), str("p"), T0 - 1);
        assertEquals(1, db.size(), "stored, as the caller decides about deleting it");
        assertNull(db.get(k("p")));
        assertEquals(0, db.size());
    }

    @Test
    void activeExpiryReclaimsUntouchedKeys() {
        Database d3 = ks.db(3);
        for (int i = 0; i < 10_000; i++) {
            d3.set(k("ttl:" + i), str("v"), T0 + 1000 + (i % 7));
        }
        for (int i = 0; i < 100; i++) {
            d3.set(k("later:" + i), str("v"), T0 + 60_000);
            d3.set(k("plain:" + i), str("v"));
        }
        assertEquals(0, ks.activeExpireCycle(1_000_000), "nothing has expired yet");
        assertEquals(10_200, d3.size());

        clock.advance(1010);
        long reclaimed = 0;
        for (int calls = 0; calls < 1000 && d3.size() > 200; calls++) {
            reclaimed += ks.activeExpireCycle(25_000);
        }
        assertEquals(10_000, reclaimed);
        assertEquals(10_000, ks.expiredKeys());
        assertEquals(200, d3.size());
        assertEquals(100, d3.expiresSize());
        ks.refreshTime();
        assertNotNull(d3.get(k("later:5")));
        assertNotNull(d3.get(k("plain:5")));
    }

    @Test
    void activeExpiryStopsAtTheBudgetAndContinuesNextCall() {
        Keyspace one = new Keyspace(1, clock);
        Database d = one.db(0);
        for (int i = 0; i < 10_000; i++) {
            d.set(k("e:" + i), str("v"), T0 + 10);
        }
        clock.advance(11);
        // With no budget the cycle stops at its first time check: 16 rounds of 20 keys.
        assertEquals(320, one.activeExpireCycle(0));
        assertEquals(10_000 - 320, d.size());
        assertEquals(320, one.activeExpireCycle(0));
        assertEquals(10_000 - 640, d.size());
        int calls = 2;
        while (d.size() > 0 && calls < 100) {
            one.activeExpireCycle(0);
            calls++;
        }
        assertEquals(0, d.size());
        assertEquals(32, calls, "10,000 keys at 320 a call");
        assertEquals(10_000, one.expiredKeys());
        assertEquals(31, one.expiredTimeCapReachedCount(), "the last call finished in time");
    }

    @Test
    void activeExpiryGoesRoundRobinOverDatabases() {
        Keyspace two = new Keyspace(2, clock);
        for (int i = 0; i < 1000; i++) {
            two.db(0).set(k("a" + i), str("v"), T0 + 1);
            two.db(1).set(k("b" + i), str("v"), T0 + 1);
        }
        clock.advance(2);
        assertEquals(320, two.activeExpireCycle(0));
        assertEquals(680, two.db(0).size());
        assertEquals(1000, two.db(1).size(), "the run ended in db 0");
        assertEquals(320, two.activeExpireCycle(0));
        assertEquals(680, two.db(1).size(), "the next run starts with db 1");
        assertEquals(680, two.db(0).size());
    }

    @Test
    void randomKey() {
        assertNull(db.randomKey());
        Set<String> keys = Set.of("a", "b", "c", "d", "e");
        for (String s : keys) {
            db.set(k(s), str(s));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(new String(db.randomKey(), UTF_8));
        }
        assertEquals(keys, seen);
    }

    @Test
    void randomKeySkipsAndDeletesExpiredKeys() {
        for (int i = 0; i < 500; i++) {
            db.set(k("gone:" + i), str("v"), T0 + 1);
        }
        db.set(k("alive"), str("v"));
        tick(2);
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(k("alive"), db.randomKey());
        }
        assertTrue(db.delete(k("alive")));
        assertNull(db.randomKey(), "only expired keys: none is live");
        assertEquals(0, db.size());
        assertEquals(500, ks.expiredKeys());
    }

    @Test
    void swapExchangesContentsKeepingIndexes() {
        Database d0 = ks.db(0);
        Database d1 = ks.db(1);
        d0.set(k("in0"), str("0"));
        d1.set(k("in1"), str("1"), T0 + 500);
        d1.set(k("also1"), str("1"));

        ks.swap(0, 1);
        assertSame(d0, ks.db(0));
        assertEquals(0, ks.db(0).index());
        assertEquals(1, ks.db(1).index());
        assertEquals(str("1"), d0.get(k("in1")));
        assertEquals(T0 + 500, d0.expireAt(k("in1")));
        assertEquals(2, d0.size());
        assertEquals(1, d0.expiresSize());
        assertEquals(str("0"), d1.get(k("in0")));
        assertNull(d1.get(k("in1")));
        assertEquals(0, d1.expiresSize());

        tick(501);
        assertEquals(1, ks.activeExpireCycle(1_000_000), "expiry follows the swapped contents");
        assertEquals(1, d0.size());
        assertThrows(IndexOutOfBoundsException.class, () -> ks.swap(0, 16));
    }

    @Test
    void flushAllEmptiesEveryDatabase() {
        for (int i = 0; i < 16; i++) {
            ks.db(i).set(k("k"), str("v"));
            ks.db(i).set(k("t"), str("v"), T0 + 100);
        }
        assertEquals(32, ks.totalKeys());
        ks.flushAll();
        assertEquals(0, ks.totalKeys());
        for (int i = 0; i < 16; i++) {
            assertNull(ks.db(i).get(k("k")));
            assertEquals(0, ks.db(i).expiresSize());
        }
        assertEquals(0, ks.expiredKeys(), "flushing is not expiring");
        db.set(k("again"), str("v"));
        assertEquals(1, ks.totalKeys());
    }

    @Test
    void wrongTypeFromTypedGet() {
        db.set(k("s"), str("s"));
        db.set(k("l"), new TestValues.Lst("l"));
        assertEquals(str("s"), db.get(k("s"), TestValues.Str.class));
        assertEquals(str("s"), db.get(k("s"), RedisValue.class));
        assertNull(db.get(k("missing"), TestValues.Str.class));
        RedisError e = assertThrows(RedisError.class, () -> db.get(k("l"), TestValues.Str.class));
        assertSame(RedisError.WRONGTYPE, e);
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
    }

    @Test
    void hitsAndMissesCountOnlyReadLookups() {
        db.set(k("h"), str("h"));
        db.get(k("h"));
        db.get(k("nope"));
        assertEquals(0, ks.keyspaceHits(), "outside a read command nothing counts, as INCR on a missing key");
        assertEquals(0, ks.keyspaceMisses());

        ks.lookupRule(LookupRule.ALL);
        db.get(k("h"));
        db.get(k("h"), TestValues.Str.class);
        db.get(k("nope"));
        db.exists(k("h"));
        db.exists(k("nope"));
        db.peek(k("h"));
        db.expireAt(k("nope"));
        assertEquals(4, ks.keyspaceHits());
        assertEquals(3, ks.keyspaceMisses());

        ks.resetStats();
        ks.lookupRule(LookupRule.NONE);
        db.get(k("nope"));
        db.exists(k("nope"));
        db.peek(k("nope"));
        db.read(k("nope"));
        db.read(k("h"));
        assertEquals(1, ks.keyspaceMisses(), "a write command's plain lookups are write lookups, its reads are not");
        assertEquals(1, ks.keyspaceHits());

        ks.resetStats();
        assertEquals(0, ks.keyspaceHits());
        assertEquals(0, ks.keyspaceMisses());
    }

    @Test
    void readMissesAreReportedOnlyWhenAsked() {
        List<String> missed = new ArrayList<>();
        ks.setKeyListener(new KeyListener() {
            @Override
            public void keyModified(int dbIndex, byte[] key) {
            }

            @Override
            public void keyMissed(int dbIndex, byte[] key) {
                missed.add(dbIndex + ":" + new String(key, StandardCharsets.UTF_8));
            }
        });
        db.set(k("h"), str("h"));
        ks.lookupRule(LookupRule.ALL);
        db.get(k("a"));
        assertEquals(List.of(), missed, "off by default");

        ks.reportMisses(true);
        db.get(k("b"));
        db.get(k("h"));
        db.exists(k("c"));
        ks.db(3).get(k("d"));
        db.inspect(k("e"));
        db.idleSeconds(k("e2"));
        ks.lookupRule(LookupRule.NONE);
        db.exists(k("f"));
        db.read(k("g"));
        db.get(k("i"));
        assertEquals(List.of("0:b", "0:c", "3:d", "0:g"), missed);
        assertEquals(7, ks.keyspaceMisses(), "a silent lookup still counts its miss");
    }

    @Test
    void anExpiredKeyReadIsExpiredThenMissed() {
        List<String> events = new ArrayList<>();
        ks.setKeyListener(new KeyListener() {
            @Override
            public void keyModified(int dbIndex, byte[] key) {
            }

            @Override
            public void keyExpired(int dbIndex, byte[] key) {
                events.add("expired");
            }

            @Override
            public void keyMissed(int dbIndex, byte[] key) {
                events.add("keymiss");
            }
        });
        ks.reportMisses(true);
        db.set(k("t"), str("v"), clock.millis() + 10);
        clock.advance(11);
        ks.refreshTime();
        ks.lookupRule(LookupRule.ALL);
        assertNull(db.get(k("t")));
        assertEquals(List.of("expired", "keymiss"), events);
    }

    @Test
    void databasesAndBadIndex() {
        assertEquals(16, ks.databases());
        for (int i = 0; i < 16; i++) {
            assertEquals(i, ks.db(i).index());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> ks.db(16));
        assertThrows(IndexOutOfBoundsException.class, () -> ks.db(-1));
        assertThrows(IllegalArgumentException.class, () -> new Keyspace(0, clock));
    }

    @Test
    void manualClock() {
        ManualClock c = new ManualClock(5);
        assertEquals(5, c.millis());
        c.advance(10);
        assertEquals(15, c.millis());
        c.set(3);
        assertEquals(3, c.millis());
        long before = System.currentTimeMillis();
        long sys = Clock.system().millis();
        assertTrue(sys >= before);
    }
}
