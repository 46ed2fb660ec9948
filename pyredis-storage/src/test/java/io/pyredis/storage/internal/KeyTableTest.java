package io.pyredis.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTableTest {

    private final KeyTable table = new KeyTable();

    private static Entry entry(String key) {
        byte[] k = key.getBytes(UTF_8);
        return new Entry(k, Hashing.hash(k), null);
    }

    private Entry find(String key) {
        byte[] k = key.getBytes(UTF_8);
        return table.find(k, Hashing.hash(k));
    }

    /**
     * 1,024 entries in a table of as many buckets, then one more: the table has just
     * started growing, and holds two tables until about a thousand buckets have moved.
     */
    private List<Entry> startGrowing(String prefix) {
        List<Entry> added = new ArrayList<>();
        while (added.size() <= 1024) {
            while (table.rehash(1000)) {
                // Each resize on the way up finishes before the next add.
            }
            Entry e = entry(prefix + added.size());
            table.add(e);
            added.add(e);
        }
        assertTrue(table.isRehashing());
        assertEquals(2048, table.buckets());
        return added;
    }

    @Test
    void agreesWithAMapAcrossGrowingAndShrinking() {
        Random rnd = new Random(7);
        Map<String, Entry> model = new HashMap<>();
        int stepsWhileRehashing = 0;
        for (int step = 0; step < 200_000; step++) {
            // Phases of mostly adds, then mostly removes, so the table resizes both ways.
            boolean growing = (step / 25_000) % 2 == 0;
            String k = "k" + rnd.nextInt(20_000);
            Entry found = find(k);
            assertSame(model.get(k), found, k);
            if (found == null && (growing ? rnd.nextInt(4) != 0 : rnd.nextInt(4) == 0)) {
                Entry e = entry(k);
                table.add(e);
                model.put(k, e);
            } else if (found != null && (growing ? rnd.nextInt(4) == 0 : rnd.nextInt(4) != 0)) {
                assertTrue(table.remove(found));
                model.remove(k);
            }
            if (table.isRehashing()) {
                stepsWhileRehashing++;
            }
            assertEquals(model.size(), table.size());
        }
        assertTrue(stepsWhileRehashing > 1000, "lookups ran during rehashes: " + stepsWhileRehashing);
        for (Map.Entry<String, Entry> m : model.entrySet()) {
            assertSame(m.getValue(), find(m.getKey()));
            assertTrue(table.remove(m.getValue()));
        }
        assertEquals(0, table.size());
        while (table.rehash(100)) {
            // An emptied table may still be finishing a resize.
        }
        table.shrinkIfSparse();
        assertEquals(4, table.buckets(), "an emptied table shrinks back to its first size");
    }

    @Test
    void entriesInBothTablesAreFoundAndRemovedWhileRehashing() {
        List<Entry> old = startGrowing("old");
        // Added while rehashing: these go to the new table while the old ones wait to move.
        List<Entry> fresh = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Entry e = entry("new" + i);
            table.add(e);
            fresh.add(e);
        }
        assertTrue(table.isRehashing());
        Entry gone = old.get(0);
        assertTrue(table.remove(gone));
        assertFalse(table.remove(gone), "a removed entry is not there to remove again");
        assertNull(find("old0"));
        for (Entry e : old.subList(1, old.size())) {
            assertSame(e, table.find(e.key, e.hash));
        }
        for (Entry e : fresh) {
            assertSame(e, table.find(e.key, e.hash));
        }
        assertEquals(old.size() - 1 + fresh.size(), table.size());
        assertFalse(table.rehash(1000), "the rehash finishes");
        for (Entry e : fresh) {
            assertSame(e, table.find(e.key, e.hash));
        }
    }

    @Test
    void entriesSharingABucketAreRemovedFromAnyPlaceInTheChain() {
        List<Entry> chain = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // The same hash puts them all in one bucket.
            chain.add(new Entry(("c" + i).getBytes(UTF_8), 42, null));
            table.add(chain.get(i));
        }
        assertTrue(table.remove(chain.get(1)));
        assertTrue(table.remove(chain.get(3)));
        assertNull(table.find(chain.get(1).key, 42));
        assertSame(chain.get(0), table.find(chain.get(0).key, 42));
        assertSame(chain.get(2), table.find(chain.get(2).key, 42));
        assertNull(table.find(chain.get(0).key, 43), "the hash takes part in the match");
    }

    private Set<String> scanAll() {
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        do {
            cursor = table.scanStep(cursor);
            for (int i = 0; i < table.batchSize(); i++) {
                assertTrue(seen.add(new String(table.batch()[i].key, UTF_8)), "once each");
            }
        } while (cursor != 0);
        return seen;
    }

    @Test
    void scanOfAnUnchangedTableCollectsEveryEntryOnce() {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            table.add(entry("s" + i));
            all.add("s" + i);
        }
        assertEquals(all, scanAll());
    }

    @Test
    void scanWhileRehashingCollectsEveryEntryOnce() {
        Set<String> all = new HashSet<>();
        for (Entry e : startGrowing("r")) {
            all.add(new String(e.key, UTF_8));
        }
        assertTrue(table.isRehashing());
        assertEquals(all, scanAll());
        assertTrue(table.isRehashing(), "a scan step moves nothing");
    }

    /**
     * The SCAN guarantee at the level of the table: whatever resizes happen between steps
     * (growth, shrinking, steps taken mid-rehash), an entry present throughout is collected.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void scanCollectsEntriesPresentThroughoutDespiteResizing(long seed) {
        Random rnd = new Random(seed);
        List<Entry> stable = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            stable.add(entry("stable" + i));
            table.add(stable.get(i));
        }
        List<Entry> extra = new ArrayList<>();
        Map<Entry, Boolean> seen = new IdentityHashMap<>();
        int maxBuckets = table.buckets();
        int stepsWhileRehashing = 0;
        long cursor = 0;
        int step = 0;
        do {
            // Each change looks its key up first, as Db does, which moves the rehash along.
            if (step < 30) {
                for (int i = rnd.nextInt(600); i > 0; i--) {
                    Entry e = entry("extra" + step + "-" + i);
                    assertNull(table.find(e.key, e.hash));
                    table.add(e);
                    extra.add(e);
                }
            } else {
                for (int i = Math.min(extra.size(), rnd.nextInt(1500)); i > 0; i--) {
                    Entry e = extra.remove(extra.size() - 1);
                    assertSame(e, table.find(e.key, e.hash));
                    assertTrue(table.remove(e));
                }
            }
            for (int i = 0; i < 3; i++) {
                Entry e = stable.get(rnd.nextInt(stable.size()));
                assertSame(e, table.find(e.key, e.hash));
            }
            maxBuckets = Math.max(maxBuckets, table.buckets());
            if (table.isRehashing()) {
                stepsWhileRehashing++;
            }
            cursor = table.scanStep(cursor);
            for (int i = 0; i < table.batchSize(); i++) {
                seen.put(table.batch()[i], true);
                table.batch()[i] = null;
            }
            step++;
        } while (cursor != 0);
        assertTrue(step > 30, "the walk outlived the growth (" + step + " steps)");
        assertTrue(maxBuckets >= 8 * 512, "grew to " + maxBuckets);
        assertTrue(stepsWhileRehashing > 0);
        for (Entry e : stable) {
            assertTrue(seen.containsKey(e), new String(e.key, UTF_8));
        }
    }

    @Test
    void randomOfAnEmptyTableIsNull() {
        assertNull(table.random());
        Entry e = entry("only");
        table.add(e);
        table.remove(e);
        assertNull(table.random());
    }

    @Test
    void randomDrawsOnlyAndEveryEntryOfASmallTable() {
        Entry only = entry("only");
        table.add(only);
        for (int i = 0; i < 20; i++) {
            assertSame(only, table.random());
        }
        Entry second = entry("second");
        Entry third = entry("third");
        table.add(second);
        table.add(third);
        Set<Entry> drawn = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 1000; i++) {
            drawn.add(table.random());
        }
        assertEquals(Set.of(only, second, third), drawn);
    }

    @Test
    void randomWhileRehashingDrawsEveryPresentEntryWhereverItIs() {
        List<Entry> all = startGrowing("x");
        for (int i = 0; i < 200; i++) {
            // Straight into the new table, where the old table's draws would never find them.
            Entry e = entry("y" + i);
            table.add(e);
            all.add(e);
        }
        Set<Entry> present = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        present.addAll(all);
        for (int i = 0; i < all.size(); i += 10) {
            assertTrue(table.remove(all.get(i)));
            present.remove(all.get(i));
        }
        Set<Entry> drawn = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int drawsWhileRehashing = 0;
        int newWhileRehashing = 0;
        for (int i = 0; i < 100_000; i++) {
            boolean rehashing = table.isRehashing();
            Entry e = table.random();
            assertNotNull(e);
            assertTrue(present.contains(e), "only entries still there are drawn");
            drawn.add(e);
            if (rehashing) {
                drawsWhileRehashing++;
                if (e.key[0] == 'y') {
                    newWhileRehashing++;
                }
            }
        }
        assertTrue(drawsWhileRehashing > 100, "draws while rehashing: " + drawsWhileRehashing);
        assertTrue(newWhileRehashing > 0, "the new table is drawn from while rehashing");
        assertEquals(present.size(), drawn.size(), "every entry can be drawn");
    }

    @Test
    void forEachPassesEveryEntryOnceAndMovesNothing() {
        List<Entry> all = startGrowing("f");
        int buckets = table.buckets();
        Map<Entry, Integer> visits = new IdentityHashMap<>();
        table.forEach(e -> visits.merge(e, 1, Integer::sum));
        assertEquals(all.size(), visits.size());
        assertTrue(visits.values().stream().allMatch(n -> n == 1));
        assertTrue(table.isRehashing(), "no rehash step was taken");
        assertEquals(buckets, table.buckets());
    }

    @Test
    void clearEmptiesAMidRehashTable() {
        startGrowing("c");
        table.scanStep(0);
        table.clear();
        assertEquals(0, table.size());
        assertFalse(table.isRehashing());
        assertEquals(4, table.buckets());
        assertNull(table.batch()[0], "the last step's entries are not kept alive");
        table.scanStep(0);
        assertEquals(0, table.batchSize());
        assertNull(find("c0"));
    }
}
