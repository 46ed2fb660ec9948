package io.pyredis.storage.internal;

import io.pyredis.api.RedisList;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListValueTest {

    private final EncodingLimits limits = new EncodingLimits();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> contents(RedisList l) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new String(l.get(i), StandardCharsets.UTF_8));
        }
        return out;
    }

    private ListValue list(String... elements) {
        ListValue l = new ListValue(limits);
        for (String e : elements) {
            l.push(false, b(e));
        }
        return l;
    }

    @Test
    void everyListIsAQuicklistAsInRedis70() {
        Keyspace ks = new Keyspace(1, new ManualClock(0));
        RedisList l = ks.db(0).createList();
        assertEquals("quicklist", l.encoding(), "the small-list listpack encoding is Redis 7.2's");
        assertEquals(0, l.size());
    }

    @Test
    void pushPopBothEnds() {
        ListValue l = new ListValue(limits);
        l.push(true, b("b"));
        l.push(true, b("a"));
        l.push(false, b("c"));
        assertEquals(List.of("a", "b", "c"), contents(l));
        assertEquals("a", new String(l.pop(true), StandardCharsets.UTF_8));
        assertEquals("c", new String(l.pop(false), StandardCharsets.UTF_8));
        assertEquals("b", new String(l.pop(false), StandardCharsets.UTF_8));
        assertNull(l.pop(true));
        assertEquals(0, l.size());
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(0));
    }

    @Test
    void insertSetRemoveTrim() {
        ListValue l = list("a", "b", "c", "d");
        l.insert(1, b("x"));
        l.insert(4, b("y"));
        assertEquals(List.of("a", "x", "b", "c", "y", "d"), contents(l));
        l.set(0, b("z"));
        assertEquals("z", new String(l.get(0), StandardCharsets.UTF_8));
        l.trim(1, 4);
        assertEquals(List.of("x", "b", "c", "y"), contents(l));
        l.trim(3, 1);
        assertEquals(0, l.size());
    }

    @Test
    void removeEqualFromEitherEndWithLimit() {
        ListValue l = list("a", "b", "a", "c", "a");
        assertEquals(2, l.removeEqual(b("a"), 2, false));
        assertEquals(List.of("b", "c", "a"), contents(l));
        l = list("a", "b", "a", "c", "a");
        assertEquals(2, l.removeEqual(b("a"), 2, true));
        assertEquals(List.of("a", "b", "c"), contents(l));
        l = list("a", "b", "a", "c", "a");
        assertEquals(3, l.removeEqual(b("a"), 0, true));
        assertEquals(List.of("b", "c"), contents(l));
        assertEquals(0, l.removeEqual(b("zz"), 0, false));
    }

    /** Random operations against ArrayDeque/ArrayList, wrapping around the ring many times. */
    @Test
    void behavesAsAListUnderRandomOperations() {
        limits.listMaxListpackSize = 16;
        Random r = new Random(42);
        ListValue l = new ListValue(limits);
        List<String> model = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            String e = Integer.toString(r.nextInt(20));
            switch (r.nextInt(8)) {
                case 0, 1 -> { l.push(true, b(e)); model.add(0, e); }
                case 2, 3 -> { l.push(false, b(e)); model.add(e); }
                case 4 -> {
                    boolean head = r.nextBoolean();
                    byte[] p = l.pop(head);
                    String m = model.isEmpty() ? null : model.remove(head ? 0 : model.size() - 1);
                    assertEquals(m, p == null ? null : new String(p, StandardCharsets.UTF_8));
                }
                case 5 -> {
                    int at = r.nextInt(model.size() + 1);
                    l.insert(at, b(e));
                    model.add(at, e);
                }
                case 6 -> {
                    int limit = r.nextInt(3);
                    boolean tail = r.nextBoolean();
                    int removed = l.removeEqual(b(e), limit, tail);
                    int expected = removeModel(model, e, limit, tail);
                    assertEquals(expected, removed);
                }
                default -> {
                    if (!model.isEmpty()) {
                        int at = r.nextInt(model.size());
                        l.set(at, b(e));
                        model.set(at, e);
                    }
                }
            }
            if (model.size() > 200) {
                l.trim(50, 120);
                model = new ArrayList<>(model.subList(50, 121));
            }
            assertEquals(model, contents(l), "step " + step);
        }
        assertEquals("quicklist", l.encoding());
    }

    private static int removeModel(List<String> model, String e, int limit, boolean tail) {
        int removed = 0;
        Deque<Integer> hits = new ArrayDeque<>();
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).equals(e)) {
                hits.add(i);
            }
        }
        while (!hits.isEmpty() && (limit == 0 || removed < limit)) {
            int i = tail ? hits.pollLast() : hits.pollFirst();
            model.remove(i);
            if (!tail) {
                // Later hits shifted down by one.
                Deque<Integer> shifted = new ArrayDeque<>();
                for (int h : hits) {
                    shifted.add(h - 1);
                }
                hits = shifted;
            }
            removed++;
        }
        return removed;
    }

    private List<Quicklist.Node> nodes(ListValue l) {
        return Quicklist.nodes(l, limits.listMaxListpackSize, limits.quicklistPackedThreshold);
    }

    @Test
    void positiveFillCountsEntriesPerNode() {
        limits.listMaxListpackSize = 3;
        List<Quicklist.Node> n = nodes(list("a", "b", "c", "d"));
        assertEquals(List.of(new Quicklist.Node(0, 3, 7 + 3 * 3, false), new Quicklist.Node(3, 1, 7 + 3, false)), n);
    }

    @Test
    void zeroFillPutsOneEntryPerNode() {
        limits.listMaxListpackSize = 0;
        assertEquals(3, nodes(list("a", "b", "c")).size());
    }

    @Test
    void defaultFillCutsNodesAtEightKilobytesByTheInsertEstimate() {
        ListValue l = new ListValue(limits);
        // A 100-byte string takes 103 bytes in a listpack; Redis admits one while
        // node bytes + 100 + 8 (its estimate of the overhead) stay within 8192.
        String big = "x".repeat(100);
        for (int i = 0; i < 200; i++) {
            l.push(false, b(big));
        }
        List<Quicklist.Node> n = nodes(l);
        int perNode = 1 + (8192 - 108 - (7 + 103)) / 103 + 1;
        assertEquals(perNode, n.get(0).count());
        assertEquals(7 + 103L * perNode, n.get(0).bytes());
        assertEquals(200, n.stream().mapToInt(Quicklist.Node::count).sum());
    }

    @Test
    void elementsPastThePackedThresholdTakePlainNodes() {
        limits.quicklistPackedThreshold = 5;
        List<Quicklist.Node> n = nodes(list("a", "bbbbb", "c", "d"));
        assertEquals(List.of(new Quicklist.Node(0, 1, 10, false), new Quicklist.Node(1, 1, 5, true),
                new Quicklist.Node(2, 2, 13, false)), n);
    }

    @Test
    void fillIsClampedAsQuicklistSetFill() {
        assertEquals(-5, Quicklist.fill(-100));
        assertEquals(32767, Quicklist.fill(100_000));
        assertEquals(true, Quicklist.allowInsert(4000, 10, -1, 88));
        assertEquals(false, Quicklist.allowInsert(4000, 10, -1, 89));
        assertEquals(false, Quicklist.allowInsert(100, 1, 100_000, 9000), "positive fill keeps the 8 KB safety limit");
        assertEquals(false, Quicklist.allowInsert(100, 5, 5, 1), "positive fill counts entries");
    }

    @Test
    void entryBytesFollowListpackEncodings() {
        assertEquals(2, Quicklist.entryBytes(b("7")));
        assertEquals(3, Quicklist.entryBytes(b("-100")));
        assertEquals(4, Quicklist.entryBytes(b("30000")));
        assertEquals(10, Quicklist.entryBytes(b("12345678901")));
        assertEquals(2 + 1 + 1, Quicklist.entryBytes(b("07")), "not canonical: a string");
        assertEquals(1 + 63 + 1, Quicklist.entryBytes(new byte[63]));
        assertEquals(2 + 64 + 1, Quicklist.entryBytes(new byte[64]));
        assertEquals(5 + 5000 + 2, Quicklist.entryBytes(new byte[5000]));
    }

    @Test
    void copyIsIndependent() {
        ListValue l = list("a", "b");
        l.push(true, b("z"));
        ListValue c = l.copy();
        c.push(false, b("c"));
        l.pop(false);
        assertEquals(List.of("z", "a", "b", "c"), contents(c));
        assertEquals(List.of("z", "a"), contents(l));
        assertEquals(l.encoding(), c.encoding());
    }
}
