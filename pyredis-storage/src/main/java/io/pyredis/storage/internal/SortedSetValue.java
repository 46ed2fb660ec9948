package io.pyredis.storage.internal;

import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;

/**
 * A sorted set: {@code listpack} (parallel arrays sorted by (score, member), linear member
 * lookup) while within {@code zset-max-listpack-entries}/{@code -value}, then for good a
 * {@code skiplist} ({@link SkipList}: spans for O(log n) ranks and a member hash table).
 * The value object stays the same across the conversion, so a stored set is never replaced.
 */
public final class SortedSetValue implements RedisSortedSet {

    private final EncodingLimits limits;

    // listpack encoding
    private byte[][] members;
    private double[] scores;
    private int size;

    // skiplist encoding, null while compact
    private SkipList list;
    /** While a listpack from an RDB file is loaded: rdb.c checks only its entry count, not its lengths. */
    boolean ignoreValueLimit;

    SortedSetValue(EncodingLimits limits) {
        this.limits = limits;
        this.members = new byte[4][];
        this.scores = new double[4];
    }

    @Override
    public String encoding() {
        return list == null ? "listpack" : "skiplist";
    }

    /** A copy in the same encoding that shares no mutable state (COPY keeps the encoding, as Redis's zsetDup). */
    @Override
    public RedisValue copy() {
        SortedSetValue c = new SortedSetValue(limits);
        if (list == null) {
            c.members = members.clone();
            c.scores = scores.clone();
            c.size = size;
            return c;
        }
        SkipList sl = new SkipList();
        for (long r = 0, n = list.size(); r < n; r++) {
            sl.insert(memberAt(r), scoreAt(r));
        }
        c.list = sl;
        c.members = null;
        c.scores = null;
        return c;
    }

    @Override
    public int size() {
        return list == null ? size : list.size();
    }

    @Override
    public double score(byte[] member) {
        if (list != null) {
            SkipList.Node n = list.find(member);
            return n == null ? Double.NaN : n.score;
        }
        int i = indexOf(member);
        return i < 0 ? Double.NaN : scores[i];
    }

    @Override
    public boolean put(byte[] member, double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("NaN score");
        }
        if (list != null) {
            SkipList.Node n = list.find(member);
            if (n == null) {
                list.insert(member, score);
                return true;
            }
            // Redis compares with !=, so -0 does not replace 0.
            if (n.score != score) {
                list.updateScore(n, score);
            }
            return false;
        }
        int i = indexOf(member);
        if (i >= 0) {
            if (scores[i] != score) {
                removeAt(i);
                insertSorted(member, score);
            }
            return false;
        }
        if (size + 1 > limits.zsetMaxListpackEntries
                || (member.length > limits.zsetMaxListpackValue && !ignoreValueLimit)) {
            convert();
            list.insert(member, score);
            return true;
        }
        insertSorted(member, score);
        return true;
    }

    /** Redis's listpack keeps scores as printed numbers, so -0 comes back as 0. */
    private static double listpackScore(double score) {
        return score + 0.0;
    }

    @Override
    public boolean remove(byte[] member) {
        if (list != null) {
            return list.remove(member);
        }
        int i = indexOf(member);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public long rank(byte[] member) {
        if (list != null) {
            SkipList.Node n = list.find(member);
            return n == null ? -1 : list.rank(n);
        }
        return indexOf(member);
    }

    @Override
    public byte[] memberAt(long rank) {
        if (list != null) {
            return list.nodeAt(rank).member;
        }
        checkRank(rank);
        return members[(int) rank];
    }

    @Override
    public double scoreAt(long rank) {
        if (list != null) {
            return list.nodeAt(rank).score;
        }
        checkRank(rank);
        return scores[(int) rank];
    }

    @Override
    public long rankOfScore(double score, boolean exclusive) {
        if (list != null) {
            return list.rankOfScore(score, exclusive);
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exclusive ? scores[mid] <= score : scores[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public long rankOfLex(byte[] member, boolean exclusive) {
        if (list != null) {
            return list.rankOfLex(member, exclusive);
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(members[mid], member);
            if (exclusive ? c <= 0 : c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public long removeRange(long start, long end) {
        int n = size();
        if (start < 0) {
            start = 0;
        }
        if (end >= n) {
            end = n - 1;
        }
        if (start > end) {
            return 0;
        }
        if (list != null) {
            return list.removeRange(start, end);
        }
        int s = (int) start;
        int e = (int) end + 1;
        System.arraycopy(members, e, members, s, size - e);
        System.arraycopy(scores, e, scores, s, size - e);
        Arrays.fill(members, size - (e - s), size, null);
        size -= e - s;
        return e - s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("zset[");
        for (int i = 0; i < size(); i++) {
            b.append(i == 0 ? "" : ", ").append(new String(memberAt(i), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .append('=').append(scoreAt(i));
        }
        return b.append(']').toString();
    }

    private void checkRank(long rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size);
        }
    }

    private int indexOf(byte[] member) {
        for (int i = 0; i < size; i++) {
            if (Arrays.equals(members[i], member)) {
                return i;
            }
        }
        return -1;
    }

    private void insertSorted(byte[] member, double score) {
        score = listpackScore(score);
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SkipList.compare(scores[mid], members[mid], score, member) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (size == members.length) {
            int cap = size * 2;
            members = Arrays.copyOf(members, cap);
            scores = Arrays.copyOf(scores, cap);
        }
        System.arraycopy(members, lo, members, lo + 1, size - lo);
        System.arraycopy(scores, lo, scores, lo + 1, size - lo);
        members[lo] = member;
        scores[lo] = score;
        size++;
    }

    private void removeAt(int i) {
        System.arraycopy(members, i + 1, members, i, size - i - 1);
        System.arraycopy(scores, i + 1, scores, i, size - i - 1);
        members[--size] = null;
    }

    private void convert() {
        SkipList sl = new SkipList();
        for (int i = 0; i < size; i++) {
            sl.insert(members[i], scores[i]);
        }
        list = sl;
        members = null;
        scores = null;
        size = 0;
    }

    /** dictGetStats of its hash table, into {@code out}; false when it has none (a compact encoding). */
    public boolean hashTableStats(DictStats out) {
        if (list == null) {
            return false;
        }
        list.stats(out);
        return true;
    }
}
