package io.pyredis.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpiryIndexTest {

    private final ExpiryIndex index = new ExpiryIndex();

    private static Entry entry(String key) {
        byte[] k = key.getBytes(UTF_8);
        return new Entry(k, Hashing.hash(k), null);
    }

    /** One full sweep of the cursor: as many samples as entries when it starts. */
    private Map<Entry, Integer> sweep() {
        Map<Entry, Integer> visits = new IdentityHashMap<>();
        for (int i = index.size(); i > 0; i--) {
            visits.merge(index.nextSample(), 1, Integer::sum);
        }
        return visits;
    }

    @Test
    void deadlinesAreSetChangedAndDropped() {
        Entry e = entry("k");
        index.set(e, 5000);
        assertEquals(5000, e.expireAt);
        assertEquals(1, index.size());
        index.set(e, 7000);
        assertEquals(7000, e.expireAt);
        assertEquals(1, index.size(), "a new deadline does not index the entry twice");
        index.remove(e);
        assertEquals(Entry.NO_DEADLINE, e.expireAt);
        assertEquals(-1, e.expIdx);
        assertEquals(0, index.size());
    }

    @Test
    void everyEntryKeepsItsSlotThroughRemovalsAndShrinking() {
        Random rnd = new Random(3);
        List<Entry> in = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Entry e = entry("k" + i);
            index.set(e, i);
            in.add(e);
        }
        // Down to a few, from random places, so the array halves several times.
        while (in.size() > 10) {
            index.remove(in.remove(rnd.nextInt(in.size())));
        }
        assertEquals(10, index.size());
        Map<Entry, Integer> visits = sweep();
        assertEquals(10, visits.size());
        for (Entry e : in) {
            assertEquals(1, visits.get(e));
        }
    }

    @Test
    void aSweepVisitsEachEntryOnceWhileSampledEntriesAreRemovedAndOthersAdded() {
        List<Entry> original = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Entry e = entry("k" + i);
            index.set(e, i);
            original.add(e);
        }
        Map<Entry, Integer> visits = new IdentityHashMap<>();
        for (int i = 0; i < 100; i++) {
            Entry e = index.nextSample();
            visits.merge(e, 1, Integer::sum);
            if (i % 3 == 0) {
                // As the active cycle deletes an expired key.
                index.remove(e);
            }
            if (i % 5 == 0) {
                index.set(entry("new" + i), 1);
            }
        }
        for (Entry e : original) {
            assertEquals(1, visits.get(e), new String(e.key, UTF_8));
        }
        // The next sweep starts again from the top and reaches the entries added meanwhile.
        Map<Entry, Integer> next = sweep();
        assertEquals(index.size(), next.size());
        assertTrue(next.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void clearForgetsEntriesAndTheCursor() {
        for (int i = 0; i < 40; i++) {
            index.set(entry("k" + i), i);
        }
        index.nextSample();
        index.clear();
        assertEquals(0, index.size());
        Entry e = entry("after");
        index.set(e, 1);
        assertEquals(e, index.nextSample());
    }
}
