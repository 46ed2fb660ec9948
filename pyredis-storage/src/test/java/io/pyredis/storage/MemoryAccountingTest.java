package io.pyredis.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyredis.api.Database;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisString;
import org.junit.jupiter.api.Test;

/** The dataset's memory figure: kept on every write, back to zero when the data goes, whatever the path. */
class MemoryAccountingTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final Keyspace ks = new Keyspace(4, clock);
    private final Database db = ks.db(0);

    private static RedisString str(String s) {
        return RedisString.of(s);
    }

    private static byte[] k(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void followsSetsOverwritesDeadlinesAndDeletes() {
        assertEquals(0, ks.datasetMemory());
        db.set(k("a"), str("x"));
        long one = ks.datasetMemory();
        assertTrue(one > 0);
        db.set(k("a"), str("x".repeat(1000)));
        long big = ks.datasetMemory();
        assertTrue(big > one + 1000, one + " -> " + big);
        db.expireAt(k("a"), clock.millis() + 10_000);
        assertEquals(big + MemoryUsage.DICT_ENTRY, ks.datasetMemory());
        db.persist(k("a"));
        assertEquals(big, ks.datasetMemory());
        db.delete(k("a"));
        assertEquals(0, ks.datasetMemory());
    }

    @Test
    void inPlaceChangesAreMeasuredWhenSignalled() {
        RedisList l = db.createList();
        db.set(k("l"), l);
        long empty = ks.datasetMemory();
        for (int i = 0; i < 10_000; i++) {
            l.push(false, k("element-" + i));
        }
        db.modified(k("l"));
        long full = ks.datasetMemory();
        assertTrue(full > empty + 10_000 * 10, empty + " -> " + full);
        db.delete(k("l"));
        assertEquals(0, ks.datasetMemory());
    }

    @Test
    void expiryFlushAndSwapKeepTheSum() {
        for (int i = 0; i < 100; i++) {
            db.set(k("k" + i), str("v" + i), clock.millis() + 1000);
            ks.db(1).set(k("k" + i), str("v" + i));
        }
        long half = ks.datasetMemory(1);
        assertTrue(half > 0);
        ks.swap(0, 1);
        assertEquals(half, ks.datasetMemory(0));
        clock.advance(2000);
        ks.activeExpireCycle(Long.MAX_VALUE);
        assertEquals(half, ks.datasetMemory());
        ks.flush(0, true);
        assertEquals(0, ks.datasetMemory());
    }

    @Test
    void unlinkOfABigValueIsCountedByLazyfree() throws Exception {
        RedisList l = db.createList();
        for (int i = 0; i < 100_000; i++) {
            l.push(false, k("e" + i));
        }
        db.set(k("big"), l);
        db.set(k("small"), str("v"));
        db.unlink(k("small"));
        db.unlink(k("big"));
        assertTrue(ks.lazyFree().drain(10_000));
        assertEquals(1, ks.lazyFree().freedObjects());
        ks.resetStats();
        assertEquals(0, ks.lazyFree().freedObjects());
    }
}
