package io.pyredis.storage;

import static io.pyredis.storage.TestValues.str;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyredis.api.Database;
import io.pyredis.api.RedisValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access time and LFU counter behind OBJECT IDLETIME / FREQ, peek, and forEachKey (KEYS). */
class AccessTrackingTest {

    /** On a minute boundary of unix time, where LFU decay counts minutes from. */
    private static final long T0 = 1_699_999_980_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final Keyspace ks = new Keyspace(4, clock);
    private final Database db = ks.db(0);

    private static byte[] k(String s) {
        return s.getBytes(UTF_8);
    }

    private void tick(long millis) {
        clock.advance(millis);
        ks.refreshTime();
    }

    @Test
    void idleSecondsCountsFromTheLastReadOrWrite() {
        db.set(k("a"), str("1"));
        assertEquals(0, db.idleSeconds(k("a")));
        tick(2_500);
        assertEquals(2, db.idleSeconds(k("a")));
        db.exists(k("a"));
        db.expireAt(k("a"));
        db.peek(k("a"));
        assertEquals(2, db.idleSeconds(k("a")), "exists, expireAt and peek are no access");
        db.get(k("a"));
        assertEquals(0, db.idleSeconds(k("a")));
        tick(10_000);
        db.set(k("a"), str("2"));
        assertEquals(0, db.idleSeconds(k("a")), "an overwrite is an access");
        assertEquals(-1, db.idleSeconds(k("missing")));
        clock.set(T0 - 100_000);
        ks.refreshTime();
        assertEquals(0, db.idleSeconds(k("a")), "a clock moved back reads as no idle time");
    }

    @Test
    void peekCountsOnlyInReadCommands() {
        db.set(k("a"), str("1"));
        RedisValue v = db.peek(k("a"));
        assertSame(v, db.peek(k("a")));
        assertNull(db.peek(k("b")));
        assertEquals(0, ks.keyspaceHits(), "RENAME's lookup is a write lookup");
        assertEquals(0, ks.keyspaceMisses());
        ks.lookupRule(LookupRule.ALL);
        db.peek(k("a"));
        db.peek(k("b"));
        ks.lookupRule(LookupRule.NONE);
        assertEquals(1, ks.keyspaceHits(), "TYPE counts, as in Redis");
        assertEquals(1, ks.keyspaceMisses());
    }

    @Test
    void expiredKeysHaveNoIdleTimeOrFrequency() {
        db.set(k("a"), str("1"), T0 + 10);
        tick(11);
        assertEquals(-1, db.idleSeconds(k("a")));
        assertEquals(-1, db.accessFrequency(k("a")));
        assertNull(db.peek(k("a")));
        assertEquals(1, ks.expiredKeys());
    }

    @Test
    void lfuCounterGrowsLogarithmicallyAndDecaysPerMinute() {
        db.set(k("a"), str("1"));
        assertEquals(5, db.accessFrequency(k("a")));
        db.get(k("a"));
        assertEquals(6, db.accessFrequency(k("a")));
        for (int i = 0; i < 100_000; i++) {
            db.get(k("a"));
        }
        int f = db.accessFrequency(k("a"));
        // Redis's table for lfu-log-factor 10: 100K hits give about 142 at most (255 takes ~1M).
        assertTrue(f > 60 && f < 200, "counter " + f);
        tick(59_000);
        assertEquals(f, db.accessFrequency(k("a")), "within the minute");
        tick(2 * 60_000);
        assertEquals(f - 2, db.accessFrequency(k("a")), "one per minute boundary crossed");
        db.set(k("b"), str("1"));
        tick(10L * 60_000 * 60);
        assertEquals(0, db.accessFrequency(k("b")));
    }

    @Test
    void forEachKeyPassesEveryLiveKeyOnce() {
        for (int i = 0; i < 1000; i++) {
            db.set(k("k" + i), str("v"), i % 10 == 0 ? T0 + 5 : Long.MAX_VALUE);
        }
        tick(6);
        List<String> seen = new ArrayList<>();
        db.forEachKey(key -> seen.add(new String(key, UTF_8)));
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "no repeats");
        assertEquals(900, unique.size());
        // While a resize is under way too (two tables).
        for (int i = 1000; i < 1100; i++) {
            db.set(k("k" + i), str("v"));
        }
        seen.clear();
        db.forEachKey(key -> seen.add(new String(key, UTF_8)));
        assertEquals(1000, new HashSet<>(seen).size());
        assertEquals(1000, seen.size());
    }
}
