package io.pyredis.storage.internal;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's zskiplist: nodes ordered by (score, member bytes unsigned), each level link
 * carrying its span (how many nodes it jumps) so that ranks are found in O(log n), plus a
 * member -> node hash table chained through the nodes themselves (no wrapper object per
 * member, no boxing). Ranks here are 0-based.
 */
final class SkipList {

    static final int MAX_LEVEL = 32;

    static final class Node {
        final byte[] member;
        double score;
        Node backward;
        final Node[] forward;
        final long[] span;
        /** Next node in the same hash bucket. */
        Node chain;
        final int hash;

        Node(byte[] member, double score, int level, int hash) {
            this.member = member;
            this.score = score;
            this.forward = new Node[level];
            this.span = new long[level];
            this.hash = hash;
        }
    }

    private final Node header = new Node(null, 0, MAX_LEVEL, 0);
    private Node tail;
    private int level = 1;
    private int length;

    /** The member table; it starts at 4 buckets, as a Redis dict (DEBUG HTSTATS-KEY shows its size). */
    private Node[] table = new Node[4];

    // The node of the last rank looked up, so that walking ranks in order is O(1) a step.
    private long cursorRank = -1;
    private Node cursorNode;

    private final Node[] update = new Node[MAX_LEVEL];
    private final long[] rankAt = new long[MAX_LEVEL];

    int size() {
        return length;
    }

    /** (score, member) order: scores compared numerically (so -0.0 == 0.0, as Redis's {@code <}), then bytes. */
    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) {
            return -1;
        }
        if (s1 > s2) {
            return 1;
        }
        return Arrays.compareUnsigned(m1, m2);
    }

    Node find(byte[] member) {
        int h = Hashing.hash(member);
        for (Node n = table[h & (table.length - 1)]; n != null; n = n.chain) {
            if (n.hash == h && Arrays.equals(n.member, member)) {
                return n;
            }
        }
        return null;
    }

    /** Inserts a member known not to be present. */
    void insert(byte[] member, double score) {
        Node n = link(member, score, Hashing.hash(member));
        if (length > table.length) {
            rehash(table.length << 1);
        }
        int b = n.hash & (table.length - 1);
        n.chain = table[b];
        table[b] = n;
    }

    /** Moves an existing node to a new score. */
    void updateScore(Node n, double score) {
        Node next = n.forward[0];
        Node prev = n.backward;
        // Still in place: change the score without touching the links, as Redis does.
        if ((prev == null || compare(prev.score, prev.member, score, n.member) < 0)
                && (next == null || compare(next.score, next.member, score, n.member) > 0)) {
            n.score = score;
            return;
        }
        unlinkNode(n);
        Node fresh = link(n.member, score, n.hash);
        replaceInTable(n, fresh);
    }

    boolean remove(byte[] member) {
        Node n = find(member);
        if (n == null) {
            return false;
        }
        unlinkNode(n);
        removeFromTable(n);
        return true;
    }

    void remove(Node n) {
        unlinkNode(n);
        removeFromTable(n);
    }

    /** 0-based rank of {@code n}. */
    long rank(Node n) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, n.score, n.member) <= 0) {
                rank += x.span[i];
                x = x.forward[i];
            }
            if (x == n) {
                return rank - 1;
            }
        }
        throw new IllegalStateException("node not in list");
    }

    /** The node at 0-based {@code rank}. */
    Node nodeAt(long rank) {
        if (rank < 0 || rank >= length) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + length);
        }
        if (cursorNode != null) {
            if (rank == cursorRank) {
                return cursorNode;
            }
            if (rank == cursorRank + 1) {
                cursorRank = rank;
                cursorNode = cursorNode.forward[0];
                return cursorNode;
            }
            if (rank == cursorRank - 1) {
                cursorRank = rank;
                cursorNode = cursorNode.backward;
                return cursorNode;
            }
        }
        Node n;
        if (rank == length - 1) {
            n = tail;
        } else {
            Node x = header;
            long traversed = 0;
            long target = rank + 1;
            for (int i = level - 1; i >= 0; i--) {
                while (x.forward[i] != null && traversed + x.span[i] <= target) {
                    traversed += x.span[i];
                    x = x.forward[i];
                }
                if (traversed == target) {
                    break;
                }
            }
            n = x;
        }
        cursorRank = rank;
        cursorNode = n;
        return n;
    }

    /** Rank of the first node with score {@code >= score} ({@code >} when exclusive). */
    long rankOfScore(double score, boolean exclusive) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null
                    && (exclusive ? x.forward[i].score <= score : x.forward[i].score < score)) {
                rank += x.span[i];
                x = x.forward[i];
            }
        }
        return rank;
    }

    /** Rank of the first node whose member is {@code >= member} ({@code >} when exclusive). */
    long rankOfLex(byte[] member, boolean exclusive) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null) {
                int c = Arrays.compareUnsigned(x.forward[i].member, member);
                if (exclusive ? c > 0 : c >= 0) {
                    break;
                }
                rank += x.span[i];
                x = x.forward[i];
            }
        }
        return rank;
    }

    /** Removes 0-based ranks {@code start..end} inclusive (already clamped); how many. */
    long removeRange(long start, long end) {
        Node x = header;
        long traversed = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && traversed + x.span[i] <= start) {
                traversed += x.span[i];
                x = x.forward[i];
            }
            update[i] = x;
        }
        long removed = 0;
        x = x.forward[0];
        while (x != null && traversed <= end) {
            Node next = x.forward[0];
            unlink(x, update);
            removeFromTable(x);
            removed++;
            traversed++;
            x = next;
        }
        java.util.Arrays.fill(update, null);
        cursorNode = null;
        return removed;
    }

    private Node link(byte[] member, double score, int hash) {
        cursorNode = null;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rankAt[i] = i == level - 1 ? 0 : rankAt[i + 1];
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) < 0) {
                rankAt[i] += x.span[i];
                x = x.forward[i];
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rankAt[i] = 0;
                update[i] = header;
                header.span[i] = length;
            }
            level = lvl;
        }
        Node n = new Node(member, score, lvl, hash);
        for (int i = 0; i < lvl; i++) {
            n.forward[i] = update[i].forward[i];
            update[i].forward[i] = n;
            n.span[i] = update[i].span[i] - (rankAt[0] - rankAt[i]);
            update[i].span[i] = (rankAt[0] - rankAt[i]) + 1;
        }
        for (int i = lvl; i < level; i++) {
            update[i].span[i]++;
        }
        n.backward = update[0] == header ? null : update[0];
        if (n.forward[0] != null) {
            n.forward[0].backward = n;
        } else {
            tail = n;
        }
        length++;
        java.util.Arrays.fill(update, 0, level, null);
        return n;
    }

    private void unlinkNode(Node n) {
        cursorNode = null;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, n.score, n.member) < 0) {
                x = x.forward[i];
            }
            update[i] = x;
        }
        unlink(n, update);
        java.util.Arrays.fill(update, null);
    }

    private void unlink(Node x, Node[] upd) {
        cursorNode = null;
        for (int i = 0; i < level; i++) {
            if (upd[i].forward[i] == x) {
                upd[i].span[i] += x.span[i] - 1;
                upd[i].forward[i] = x.forward[i];
            } else {
                upd[i].span[i] -= 1;
            }
        }
        if (x.forward[0] != null) {
            x.forward[0].backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.forward[level - 1] == null) {
            header.span[level - 1] = 0;
            level--;
        }
        length--;
    }

    private static int randomLevel() {
        // Redis: each extra level with probability 1/4.
        int lvl = 1;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (lvl < MAX_LEVEL && (r.nextInt() & 0xFFFF) < 0xFFFF / 4) {
            lvl++;
        }
        return lvl;
    }

    private void rehash(int capacity) {
        Node[] t = new Node[capacity];
        for (Node head : table) {
            for (Node n = head; n != null; ) {
                Node next = n.chain;
                int b = n.hash & (capacity - 1);
                n.chain = t[b];
                t[b] = n;
                n = next;
            }
        }
        table = t;
    }

    private void removeFromTable(Node n) {
        int b = n.hash & (table.length - 1);
        Node prev = null;
        for (Node c = table[b]; c != null; prev = c, c = c.chain) {
            if (c == n) {
                if (prev == null) {
                    table[b] = c.chain;
                } else {
                    prev.chain = c.chain;
                }
                n.chain = null;
                break;
            }
        }
        if (table.length > 4 && length < table.length >> 3) {
            rehash(table.length >> 1);
        }
    }

    private void replaceInTable(Node old, Node fresh) {
        int b = old.hash & (table.length - 1);
        Node prev = null;
        for (Node c = table[b]; c != null; prev = c, c = c.chain) {
            if (c == old) {
                fresh.chain = c.chain;
                if (prev == null) {
                    table[b] = fresh;
                } else {
                    prev.chain = fresh;
                }
                old.chain = null;
                return;
            }
        }
        throw new IllegalStateException("node not in table");
    }

    /** dictGetStats of the member table. */
    void stats(DictStats out) {
        DictStats.Table s = out.table(0, table.length, length);
        if (length > 0) {
            for (Node head : table) {
                int n = 0;
                for (Node e = head; e != null; e = e.chain) {
                    n++;
                }
                s.bucket(n);
            }
        }
        s.end();
    }
}
