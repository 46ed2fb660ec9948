package io.pyredis.storage;

import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The background snapshot is the keyspace as it was when it started, whatever changes
 * while it is written: checked by changing the keyspace at random between small walk
 * steps and comparing the file, loaded back, with the contents taken at the start.
 */
class BackgroundSaveTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final int[] DBS = {0, 1, 5, 9};

    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RedisValue randomValue(Database db, Random rnd, int size) {
        switch (rnd.nextInt(5)) {
            case 0:
                return rnd.nextBoolean() ? RedisString.of(rnd.nextInt(100_000)) : RedisString.of("v".repeat(1 + rnd.nextInt(40)));
            case 1: {
                RedisList l = db.createList();
                for (int i = 0; i < size; i++) {
                    l.push(rnd.nextBoolean(), b("e" + rnd.nextInt(1000)));
                }
                return l;
            }
            case 2: {
                RedisHash h = db.createHash();
                for (int i = 0; i < size; i++) {
                    h.put(b("f" + rnd.nextInt(1000)), b("v" + i));
                }
                return h;
            }
            case 3: {
                RedisSet s = db.createSet();
                for (int i = 0; i < size; i++) {
                    s.add(b(rnd.nextBoolean() ? Integer.toString(rnd.nextInt(1000)) : "m" + rnd.nextInt(1000)));
                }
                return s;
            }
            default: {
                RedisSortedSet z = db.createSortedSet();
                for (int i = 0; i < size; i++) {
                    z.put(b("z" + rnd.nextInt(1000)), rnd.nextInt(100) / 4.0);
                }
                return z;
            }
        }
    }

    private static Keyspace populated(ManualClock clock, Random rnd, int keys) {
        Keyspace ks = new Keyspace(16, clock);
        ks.refreshTime();
        for (int i = 0; i < keys; i++) {
            Database db = ks.db(DBS[rnd.nextInt(DBS.length)]);
            int size = rnd.nextInt(10) == 0 ? 300 : 1 + rnd.nextInt(8);
            RedisValue v = randomValue(db, rnd, size);
            if (rnd.nextInt(4) == 0) {
                db.set(b("k" + i), v, NOW + 1 + rnd.nextInt(5000));
            } else {
                db.set(b("k" + i), v);
            }
        }
        return ks;
    }

    private static byte[] randomKey(Random rnd, int keys) {
        // Some names were never used, so writes also create keys.
        return b("k" + rnd.nextInt(keys + keys / 4));
    }

    /** One random change of the kind commands make, through the same calls they use. */
    private static void change(Keyspace ks, ManualClock clock, Random rnd, int keys) {
        Database db = ks.db(DBS[rnd.nextInt(DBS.length)]);
        byte[] key = randomKey(rnd, keys);
        ks.lookupRule(LookupRule.NONE);
        switch (rnd.nextInt(12)) {
            case 0 -> db.set(key, randomValue(db, rnd, 3));
            case 1 -> db.delete(key);
            case 2 -> db.expireAt(key, ks.now() + 1 + rnd.nextInt(10_000));
            case 3 -> db.persist(key);
            case 4, 5, 6 -> {
                // A change in place, after a write command's lookup.
                RedisValue v = db.get(key);
                if (v instanceof RedisList l) {
                    l.push(true, b("new"));
                } else if (v instanceof RedisHash h) {
                    h.put(b("new-field"), b("x"));
                } else if (v instanceof RedisSet s) {
                    s.add(b("new-member"));
                } else if (v instanceof RedisSortedSet z) {
                    z.put(b("new-member"), 99);
                } else if (v != null) {
                    db.setKeepTtl(key, RedisString.of("overwritten"));
                }
            }
            case 7 -> {
                // MOVE: the value object goes to another database.
                RedisValue v = db.get(key);
                Database to = ks.db(DBS[rnd.nextInt(DBS.length)]);
                if (v != null && to != db && to.peek(key) == null) {
                    to.set(key, v);
                    db.delete(key);
                }
            }
            case 8 -> {
                // A read command changes nothing and must not cost the snapshot anything.
                ks.lookupRule(LookupRule.ALL);
                db.get(key);
                db.exists(key);
                ks.lookupRule(LookupRule.NONE);
            }
            case 9 -> db.set(key, RedisString.of("with-ttl"), ks.now() + 100 + rnd.nextInt(1000));
            case 10 -> {
                // Rare: either finishes the walk at once.
                if (rnd.nextInt(300) == 0) {
                    db.clear();
                } else if (rnd.nextInt(300) == 0) {
                    ks.swap(DBS[rnd.nextInt(DBS.length)], DBS[rnd.nextInt(DBS.length)]);
                }
            }
            default -> {
                // Time passes: keys expire lazily and by the active cycle.
                clock.advance(rnd.nextInt(50));
                ks.refreshTime();
                ks.activeExpireCycle(Long.MAX_VALUE);
            }
        }
    }

    private Map<String, String> loaded(Path file) throws Exception {
        Keyspace back = new Keyspace(16, new ManualClock(NOW));
        assertNotNull(Rdb.load(back, file));
        return KeyspaceContents.of(back);
    }

    private BackgroundSave start(Keyspace ks, Path target) throws Exception {
        return BackgroundSave.start(ks, dir.resolve("temp-bg.rdb"), target, true, true, false);
    }

    @Test
    void theFileIsTheKeyspaceAtTheStartWhateverChangesMeanwhile() throws Exception {
        for (int seed = 1; seed <= 12; seed++) {
            Random rnd = new Random(seed);
            ManualClock clock = new ManualClock(NOW);
            int keys = 4000;
            Keyspace ks = populated(clock, rnd, keys);
            Map<String, String> atStart = KeyspaceContents.of(ks);
            Path target = dir.resolve("dump-" + seed + ".rdb");
            BackgroundSave save = start(ks, target);
            int changes = 0;
            while (!save.step(0)) {
                for (int i = rnd.nextInt(30); i > 0; i--) {
                    change(ks, clock, rnd, keys);
                    changes++;
                }
            }
            assertTrue(changes > 100, "the walk was interleaved with changes: " + changes);
            long written = save.result().get(30, TimeUnit.SECONDS);
            assertEquals(Files.size(target), written);
            assertEquals(atStart, loaded(target), "seed " + seed);

            // The marks are consistent afterwards: the next snapshot is complete too.
            ks.refreshTime();
            Map<String, String> later = KeyspaceContents.of(ks);
            Path second = dir.resolve("second-" + seed + ".rdb");
            BackgroundSave again = start(ks, second);
            while (!again.step(0)) {
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    change(ks, clock, rnd, keys);
                }
            }
            again.result().get(30, TimeUnit.SECONDS);
            Map<String, String> back = loaded(second);
            // Keys that expired by the clock the loader uses are not loaded; compare the rest.
            assertEquals(later, back, "second snapshot, seed " + seed);
        }
    }

    @Test
    void readsCostNothingAndWritesAheadOfTheWalkAreHeldUntilItGetsThere() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        Keyspace ks = new Keyspace(16, clock);
        ks.refreshTime();
        for (int i = 0; i < 2000; i++) {
            ks.db(0).set(b("a" + i), RedisString.of("x".repeat(50)));
            ks.db(7).set(b("b" + i), RedisString.of("y".repeat(50)));
        }
        BackgroundSave save = start(ks, dir.resolve("dump.rdb"));
        ks.lookupRule(LookupRule.ALL);
        for (int i = 0; i < 2000; i++) {
            ks.db(7).get(b("b" + i));
        }
        assertEquals(0, save.preservedBytes(), "reads are free");
        ks.lookupRule(LookupRule.NONE);
        for (int i = 0; i < 100; i++) {
            ks.db(7).set(b("b" + i), RedisString.of("changed"));
        }
        long held = save.preservedBytes();
        assertTrue(held > 100 * 10, "the old values of db 7 are held: " + held);
        // db 0 is where the walk is: its old values go straight to the file.
        for (int i = 0; i < 100; i++) {
            ks.db(0).set(b("a" + i), RedisString.of("changed"));
        }
        assertEquals(held, save.preservedBytes());
        while (!save.step(Long.MAX_VALUE)) {
            Thread.onSpinWait();
        }
        assertEquals(0, save.preservedBytes(), "and handed over when the walk got to db 7");
        assertTrue(save.peakPreservedBytes() >= held);
        assertEquals(4000, save.keysProcessed());
        save.result().get(30, TimeUnit.SECONDS);
        Map<String, String> back = loaded(dir.resolve("dump.rdb"));
        assertEquals("string " + "y".repeat(50) + " exp=-1", back.get("7:b0"));
    }

    @Test
    void oneWalkAtATimeAndASynchronousSaveFinishesTheRunningOneFirst() throws Exception {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        for (int i = 0; i < 5000; i++) {
            ks.db(0).set(b("k" + i), RedisString.of("v" + i));
        }
        Map<String, String> atStart = KeyspaceContents.of(ks);
        BackgroundSave save = start(ks, dir.resolve("dump.rdb"));
        assertTrue(ks.snapshotRunning());
        assertThrows(IllegalStateException.class, () -> BackgroundSave.start(ks, dir.resolve("t2.rdb"),
                dir.resolve("d2.rdb"), true, true, false));
        ks.db(0).set(b("k0"), RedisString.of("changed"));
        java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
        Rdb.write(ks, now, true, true);
        assertFalse(ks.snapshotRunning());
        save.result().get(30, TimeUnit.SECONDS);
        assertEquals(atStart, loaded(dir.resolve("dump.rdb")));
        Keyspace back = new Keyspace(16, new ManualClock(NOW));
        Rdb.load(back, new java.io.ByteArrayInputStream(now.toByteArray()), now.size(), Path.of("now.rdb"));
        assertEquals("string changed exp=-1", KeyspaceContents.of(back).get("0:k0"));
    }

    @Test
    void aFailedSaveLeavesNoTempFileAndTheNextSaveIsComplete() throws Exception {
        Random rnd = new Random(7);
        ManualClock clock = new ManualClock(NOW);
        Keyspace ks = populated(clock, rnd, 3000);
        Path gone = Files.createDirectory(dir.resolve("gone"));
        Path temp = dir.resolve("temp-bg.rdb");
        BackgroundSave save = BackgroundSave.start(ks, temp, gone.resolve("dump.rdb"), false, true, false);
        // The target's directory disappears while the file is written: the rename fails.
        Files.delete(gone);
        while (!save.step(0)) {
            change(ks, clock, rnd, 3000);
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> save.result().get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof java.io.IOException, e.toString());
        assertFalse(Files.exists(temp), "the temp file is removed");

        Map<String, String> now = KeyspaceContents.of(ks);
        Path target = dir.resolve("dump.rdb");
        BackgroundSave next = start(ks, target);
        while (!next.step(0)) {
            change(ks, clock, rnd, 3000);
        }
        next.result().get(30, TimeUnit.SECONDS);
        assertEquals(now, loaded(target));
    }

    /** A plugin type whose save throws: a broken plugin. */
    private record Broken() implements RedisValue {
        static final io.pyredis.api.PersistentType<Broken> TYPE = new io.pyredis.api.PersistentType<>() {
            @Override
            public String name() {
                return "broken-01";
            }

            @Override
            public int encodingVersion() {
                return 0;
            }

            @Override
            public Class<Broken> valueClass() {
                return Broken.class;
            }

            @Override
            public void save(Broken value, io.pyredis.api.RdbOutput out) {
                throw new IllegalStateException("plugin bug");
            }

            @Override
            public Broken load(io.pyredis.api.RdbInput in, int encodingVersion) {
                return new Broken();
            }

            @Override
            public void rewrite(byte[] key, Broken value, java.util.function.Consumer<byte[][]> emit) {
                throw new IllegalStateException("plugin bug");
            }
        };

        @Override
        public io.pyredis.api.DataType type() {
            return TYPE;
        }

        @Override
        public String encoding() {
            return "raw";
        }
    }

    @Test
    void aValueThatCannotBeSavedFailsTheSaveButTheWalkEnds() throws Exception {
        for (boolean commands : new boolean[] {false, true}) {
            Random rnd = new Random(11);
            ManualClock clock = new ManualClock(NOW);
            Keyspace ks = populated(clock, rnd, 2000);
            ks.db(5).set(b("broken"), new Broken());
            Path target = dir.resolve("dump.rdb");
            Files.write(target, b("old"));
            BackgroundSave save = commands ? BackgroundSave.startCommands(ks, dir.resolve("t.aof"), target)
                    : start(ks, target);
            while (!save.step(0)) {
                change(ks, clock, rnd, 2000);
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> save.result().get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("broken-01"), e.getCause().getMessage());
            assertArrayEquals(b("old"), Files.readAllBytes(target), "the old file stays");
            assertFalse(ks.snapshotRunning());

            ks.db(5).delete(b("broken"));
            Map<String, String> now = KeyspaceContents.of(ks);
            BackgroundSave next = start(ks, target);
            while (!next.step(0)) {
                change(ks, clock, rnd, 2000);
            }
            next.result().get(30, TimeUnit.SECONDS);
            assertEquals(now, loaded(target));
        }
    }

    @Test
    void aMissingDirectoryFailsAtStartAndStartsNothing() throws Exception {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        ks.db(0).set(b("k"), RedisString.of("v"));
        Path nowhere = dir.resolve("no/such/dir");
        assertThrows(java.io.IOException.class, () -> BackgroundSave.start(ks, nowhere.resolve("t.rdb"),
                nowhere.resolve("d.rdb"), true, true, false));
        // Nothing was left running: a synchronous save works.
        Rdb.write(ks, new java.io.ByteArrayOutputStream(), true, true);
    }
}
