package io.pyredis.storage.internal;

import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream's nodes: appends across node limits, ranges both ways, deletion and trimming, and loading checks. */
class StreamValueTest {

    private static byte[][] fv(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static List<Long> ids(Iterator<RedisStream.Entry> it) {
        List<Long> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(e.id().ms()));
        return out;
    }

    private static StreamValue filled(int n, long maxEntries) {
        StreamValue s = new StreamValue();
        for (int i = 1; i <= n; i++) {
            byte[][] args = i % 3 == 0 ? fv("other", "x" + i) : fv("f", Integer.toString(i), "g", "v");
            s.append(new StreamId(i, 0), args, 0, args.length / 2, 4096, maxEntries);
        }
        return s;
    }

    @Test
    void appendsStartNewNodesAtTheEntryLimitAndRangesWalkThemBothWays() {
        StreamValue s = filled(1000, 100);
        assertEquals(10, s.nodes());
        assertEquals(1000, s.length());
        assertEquals(new StreamId(1000, 0), s.lastId());
        assertEquals(List.of(99L, 100L, 101L, 102L), ids(s.range(new StreamId(99, 0), new StreamId(102, 0), false)));
        assertEquals(List.of(102L, 101L, 100L, 99L), ids(s.range(new StreamId(99, 0), new StreamId(102, 0), true)));
        RedisStream.Entry e = s.range(new StreamId(3, 0), new StreamId(3, 0), false).next();
        assertEquals("other", new String(e.fieldsAndValues()[0], StandardCharsets.UTF_8));
        assertEquals("x3", new String(e.fieldsAndValues()[1], StandardCharsets.UTF_8));
        RedisStream.Entry same = s.range(new StreamId(4, 0), new StreamId(4, 0), false).next();
        assertEquals("4", new String(same.fieldsAndValues()[1], StandardCharsets.UTF_8), "the master entry's fields");
    }

    @Test
    void aTenMillionEntryStreamAppendsAndReadsAtOnce() {
        StreamValue s = new StreamValue();
        byte[][] args = fv("f", "v");
        long t0 = System.nanoTime();
        for (int i = 1; i <= 10_000_000; i++) {
            s.append(new StreamId(i, 0), args, 0, 1, 4096, 100);
        }
        assertEquals(100_000, s.nodes());
        long t1 = System.nanoTime();
        assertEquals(100, ids(limit(s.range(new StreamId(5_000_000, 0), StreamId.MAX, false), 100)).size());
        assertEquals(List.of(10_000_000L), ids(limit(s.range(StreamId.MIN, StreamId.MAX, true), 1)));
        assertTrue(System.nanoTime() - t1 < 50_000_000L, "reads do not walk the stream");
        assertTrue(t1 - t0 < 60_000_000_000L, "appends are O(1) each");
    }

    private static Iterator<RedisStream.Entry> limit(Iterator<RedisStream.Entry> it, int n) {
        List<RedisStream.Entry> out = new ArrayList<>();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out.iterator();
    }

    @Test
    void deletionMarksEntriesAndDropsEmptiedNodes() {
        StreamValue s = filled(10, 5);
        for (int i = 1; i <= 5; i++) {
            assertTrue(s.delete(new StreamId(i, 0)));
        }
        assertFalse(s.delete(new StreamId(3, 0)));
        assertEquals(1, s.nodes(), "the first node went with its last live entry");
        assertEquals(new StreamId(6, 0), s.firstId());
        assertTrue(s.delete(new StreamId(8, 0)));
        assertEquals(List.of(6L, 7L, 9L, 10L), ids(s.range(StreamId.MIN, StreamId.MAX, false)));
        assertEquals(List.of(10L, 9L, 7L, 6L), ids(s.range(StreamId.MIN, StreamId.MAX, true)));
    }

    @Test
    void trimsWholeNodesWhenApproximateAndMarksEntriesWhenExact() {
        StreamValue s = filled(250, 100);
        assertEquals(100, s.trim(120, null, true, 0));
        assertEquals(150, s.length());
        assertEquals(30, s.trim(120, null, false, 0));
        assertEquals(new StreamId(131, 0), s.firstId());
        assertEquals(19, s.trim(0, new StreamId(150, 0), false, 0));
        assertEquals(new StreamId(150, 0), s.firstId());
        assertEquals(0, s.trim(0, new StreamId(250, 0), true, 10), "LIMIT stops before a whole node");
    }

    @Test
    void loadingRefusesBrokenNodes() {
        StreamValue s = filled(3, 100);
        byte[] good = s.nodeMap().firstEntry().getValue().bytes();
        StreamValue fresh = new StreamValue();
        assertNull(fresh.loadNode(StreamId.MIN, good.clone()));
        assertNotNull(new StreamValue().loadNode(StreamId.MIN, java.util.Arrays.copyOf(good, good.length - 1)));
        byte[] badCount = good.clone();
        badCount[6] = 5; // master entry count 5: more entries than there are
        assertNotNull(new StreamValue().loadNode(StreamId.MIN, badCount));
        for (int i = 7; i < good.length - 1; i++) {
            byte[] b = good.clone();
            b[i] ^= 0x5a;
            StreamValue v = new StreamValue();
            if (v.loadNode(StreamId.MIN, b) == null) {
                // Accepted: then it reads without failing.
                v.loaded(3, new StreamId(3, 0), null, StreamId.MIN, 3);
                v.range(StreamId.MIN, StreamId.MAX, false).forEachRemaining(e -> { });
                v.range(StreamId.MIN, StreamId.MAX, true).forEachRemaining(e -> { });
            }
        }
        assertNotNull(fresh.loadNode(StreamId.MIN, good.clone()), "a node key twice");
    }
}
