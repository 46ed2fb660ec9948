package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.Resp;

import io.pyredis.testkit.Harness;

import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodings, blocking, ZSCAN, ZRANDMEMBER and plain-set inputs, through the harness. */
class SortedSetBehaviourTest {

    private final Harness h = new SortedSetsHarness();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String encoding(String key) {
        return h.db().get(b(key)).encoding();
    }

    @Test
    void listpackUntilTheLimitsThenSkiplist() {
        h.keyspace.encodingLimits().zsetMaxListpackEntries = 4;
        h.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertEquals("listpack", encoding("z"));
        h.call("ZADD", "z", "5", "e");
        assertEquals("skiplist", encoding("z"));
        h.call("ZREMRANGEBYRANK", "z", "0", "2");
        assertEquals("skiplist", encoding("z"), "never converted back");
        h.call("ZADD", "long", "1", "x".repeat(65));
        assertEquals("skiplist", encoding("long"), "a member past zset-max-listpack-value makes a skiplist at once");
        h.call("ZADD", "short", "1", "x".repeat(64));
        assertEquals("listpack", encoding("short"));
        h.call("ZUNIONSTORE", "small", "1", "short");
        assertEquals("listpack", encoding("small"), "a small result is stored compact, as Redis converts it");
    }

    @Test
    void bothEncodingsGiveTheSameReplies() {
        Harness big = new SortedSetsHarness();
        big.keyspace.encodingLimits().zsetMaxListpackEntries = 0;
        String[][] script = {
                {"ZADD", "z", "1", "a", "1", "b", "2", "c", "0", "d", "-1", "e", "1", "aa"},
                {"ZRANGE", "z", "0", "-1", "WITHSCORES"}, {"ZRANGE", "z", "(0", "1", "BYSCORE"},
                {"ZRANK", "z", "aa"}, {"ZREVRANK", "z", "aa"}, {"ZCOUNT", "z", "(0", "(2"},
                {"ZREMRANGEBYSCORE", "z", "1", "1"}, {"ZRANGE", "z", "0", "-1"}, {"ZPOPMAX", "z", "2"},
                {"ZADD", "lex", "0", "a", "0", "b", "0", "c"}, {"ZRANGEBYLEX", "lex", "(a", "+"},
                {"ZLEXCOUNT", "lex", "[b", "[c"}, {"ZREMRANGEBYLEX", "lex", "-", "(c"}, {"ZRANGE", "lex", "0", "-1"},
        };
        for (String[] cmd : script) {
            assertEquals(h.call(cmd), big.call(cmd), String.join(" ", cmd));
        }
        assertEquals("skiplist", big.db().get(b("z")).encoding());
        assertEquals("listpack", h.db().get(b("z")).encoding());
    }

    @Test
    void negativeZeroIsKeptOnlyBySkiplists() {
        h.call("ZADD", "lp", "-0", "a");
        assertEquals(bulk("0"), h.call("ZSCORE", "lp", "a"));
        h.keyspace.encodingLimits().zsetMaxListpackEntries = 0;
        h.call("ZADD", "sl", "-0", "a");
        assertEquals(bulk("-0"), h.call("ZSCORE", "sl", "a"), "as Redis 7.0.15");
    }

    @Test
    void emptiedSetsAreDeleted() {
        h.call("ZADD", "z", "1", "a", "2", "b");
        h.call("ZREM", "z", "a", "b");
        assertNull(h.db().get(b("z")));
        h.call("ZADD", "z", "1", "a");
        h.call("ZPOPMIN", "z");
        assertNull(h.db().get(b("z")));
        h.call("ZADD", "z", "1", "a");
        h.call("ZREMRANGEBYSCORE", "z", "-inf", "+inf");
        assertNull(h.db().get(b("z")));
        h.call("ZADD", "z", "XX", "1", "a");
        assertNull(h.db().get(b("z")), "ZADD XX does not create a key");
    }

    @Test
    void blockingPopsBlockWhenNothingIsThereAndReplyNullWhenTheyCannot() {
        assertEquals("*-1\r\n", h.call("BZPOPMIN", "a", "b", "0"), "cannot block (as in MULTI): a null array");
        assertEquals("*-1\r\n", h.call("BZMPOP", "1.5", "2", "a", "b", "MIN"));
        h.canBlock = true;
        assertEquals("", h.call("BZPOPMAX", "a", "b", "1.5"), "blocked: no reply yet");
        assertEquals(List.of("a", "b"), names(h.blockedKeys));
        assertEquals(1500, h.blockedTimeout);
        assertEquals("", h.call("BZMPOP", "0", "2", "x", "y", "MAX", "COUNT", "2"));
        assertEquals(List.of("x", "y"), names(h.blockedKeys));
        assertEquals(0, h.blockedTimeout, "0 waits for ever");
        h.call("ZADD", "y", "1", "m", "2", "n");
        assertEquals(array(bulk("y"), array(array(bulk("n"), bulk("2")), array(bulk("m"), bulk("1")))),
                h.call("BZMPOP", "0", "2", "x", "y", "MAX", "COUNT", "2"), "run again once y has members");
        h.storeNonString("wrong");
        assertEquals(Resp.WRONGTYPE, h.call("BZPOPMIN", "wrong", "0"));
    }

    private static List<String> names(byte[][] keys) {
        List<String> out = new ArrayList<>();
        for (byte[] k : keys) {
            out.add(new String(k, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void zscanOfASkiplistVisitsEveryMemberOnceWhileOthersComeAndGo() {
        h.keyspace.encodingLimits().zsetMaxListpackEntries = 0;
        for (int i = 0; i < 1000; i++) {
            h.call("ZADD", "z", Integer.toString(i % 37), "m" + i); // runs of equal scores
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int steps = 0;
        do {
            String reply = h.call("ZSCAN", "z", Long.toUnsignedString(cursor), "COUNT", "20");
            List<String> parts = bulks(reply);
            cursor = Long.parseUnsignedLong(parts.get(0));
            for (int i = 1; i < parts.size(); i += 2) {
                assertTrue(seen.add(parts.get(i)), "returned twice: " + parts.get(i));
            }
            // churn: members that come and go must not disturb the others
            h.call("ZADD", "z", Integer.toString(steps % 37), "new" + steps);
            h.call("ZREM", "z", "new" + (steps - 1));
            steps++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.contains("m" + i), "missed m" + i);
        }
        assertTrue(steps > 20, "several steps: " + steps);
        String matched = h.call("ZSCAN", "z", "0", "MATCH", "m99*", "COUNT", "10000");
        assertEquals(List.of("0", "m99", "25", "m990", "28", "m991", "29", "m992", "30", "m993", "31",
                "m994", "32", "m995", "33", "m996", "34", "m997", "35", "m998", "36", "m999", "0"),
                sortedPairs(bulks(matched)));
    }

    /** The cursor, then member/score pairs ordered by member. */
    private static List<String> sortedPairs(List<String> parts) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            pairs.add(new String[] {parts.get(i), parts.get(i + 1)});
        }
        pairs.sort((x, y) -> x[0].compareTo(y[0]));
        List<String> out = new ArrayList<>(List.of(parts.get(0)));
        pairs.forEach(p -> out.addAll(List.of(p)));
        return out;
    }

    /** The bulk strings of a RESP2 reply, in order. */
    private static List<String> bulks(String reply) {
        List<String> out = new ArrayList<>();
        String[] lines = reply.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("$")) {
                out.add(lines[++i]);
            }
        }
        return out;
    }

    @Test
    void zscanCursorEncodingKeepsScoreOrder() {
        double[] scores = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, 0, Double.MIN_VALUE, 1, 1e300,
                Double.POSITIVE_INFINITY};
        for (int i = 0; i < scores.length; i++) {
            long c = ZScanCore.encode(scores[i]);
            assertTrue(c != 0);
            assertEquals(scores[i], ZScanCore.decode(c));
            if (i > 0) {
                assertTrue(Long.compareUnsigned(ZScanCore.encode(scores[i - 1]), c) < 0);
            }
        }
        assertEquals(ZScanCore.encode(0.0), ZScanCore.encode(-0.0));
    }

    @Test
    void zrandmemberCounts() {
        h.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
        for (int n = 1; n <= 7; n++) {
            List<String> got = bulks(h.call("ZRANDMEMBER", "z", Integer.toString(n)));
            assertEquals(Math.min(n, 5), got.size());
            assertEquals(got.size(), new LinkedHashSet<>(got).size(), "distinct for a positive count");
        }
        List<String> repeated = bulks(h.call("ZRANDMEMBER", "z", "-50", "WITHSCORES"));
        assertEquals(100, repeated.size());
        for (int i = 0; i < repeated.size(); i += 2) {
            assertEquals(Integer.toString(repeated.get(i).charAt(0) - 'a' + 1), repeated.get(i + 1));
        }
        assertEquals(err("ERR value is out of range"), h.call("ZRANDMEMBER", "z", "-9223372036854775807"),
                "pyredis refuses an unbounded reply rather than run out of memory");
        assertEquals(err("ERR value is out of range"),
                h.call("ZRANDMEMBER", "z", Long.toString(-ZRandMemberCore.MAX_REPEATED - 1)));
        assertEquals(5, bulks(h.call("ZRANDMEMBER", "z", "9223372036854775807")).size(),
                "a huge positive count is the whole set");
    }

    @Test
    void plainSetsScoreOne() {
        h.db().set(b("s"), new FakeSet("a", "x"));
        h.call("ZADD", "z", "5", "a", "6", "b");
        assertEquals(array(bulk("x"), bulk("1"), bulk("a"), bulk("6"), bulk("b"), bulk("6")),
                h.call("ZUNION", "2", "s", "z", "WITHSCORES"));
        assertEquals(integer(1), h.call("ZINTERCARD", "2", "s", "z"));
        assertEquals(integer(1), h.call("ZDIFFSTORE", "d", "2", "s", "z"));
        RedisSortedSet d = h.db().get(b("d"), RedisSortedSet.class);
        assertArrayEquals(b("x"), d.memberAt(0));
        assertEquals(Resp.WRONGTYPE, h.call("ZRANGE", "s", "0", "-1"), "a set is no sorted set to ZRANGE");
    }

    /** A minimal plain set, as the sets pack will store. */
    private static final class FakeSet implements RedisSet {
        private final List<byte[]> members = new ArrayList<>();

        FakeSet(String... m) {
            for (String s : m) {
                members.add(b(s));
            }
        }

        @Override
        public String encoding() {
            return "listpack";
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public boolean contains(byte[] member) {
            return members.stream().anyMatch(m -> java.util.Arrays.equals(m, member));
        }

        @Override
        public boolean add(byte[] member) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(byte[] member) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] memberAt(int position) {
            return members.get(position);
        }

        @Override
        public void forEach(Consumer<byte[]> action) {
            members.forEach(action);
        }

        @Override
        public long scan(long cursor, int count, Consumer<byte[]> out) {
            members.forEach(out);
            return 0;
        }
    }
}
