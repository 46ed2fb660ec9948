package io.pyredis.storage;

import io.pyredis.api.GrowableString;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.support.Numbers;

/**
 * What a key and its value would take in Redis 7.0's memory, computed from the value's
 * size and a sample of its elements as object.c's objectComputeSize does (the struct sizes
 * of a 64-bit build, allocations rounded to jemalloc's size classes). The JVM's own object
 * layout is not what a Redis user reasons about, and its heap holds garbage until the
 * collector runs; this figure moves with the dataset alone, which is what used_memory,
 * maxmemory and MEMORY USAGE need.
 *
 * @since 0.1
 */
public final class MemoryUsage {

    /** Redis's OBJ_COMPUTE_SIZE_DEF_SAMPLES. */
    public static final int DEFAULT_SAMPLES = 5;

    /** sizeof(robj). */
    static final int ROBJ = 16;
    /** sizeof(dictEntry). */
    public static final int DICT_ENTRY = 24;
    private static final int DICT = 56;
    private static final int POINTER = 8;
    private static final int QUICKLIST = 40;
    private static final int QUICKLIST_NODE = 32;
    private static final int ZSET = 16;
    private static final int ZSKIPLIST = 32;
    /** A skip list node: ele, score, backward, then one {forward, span} per level (on average 1.33 levels). */
    private static final int ZSKIPLIST_NODE_BASE = 24;
    private static final int ZSKIPLIST_LEVEL = 16;
    /** The header node has all 32 levels. */
    private static final int ZSKIPLIST_HEADER = ZSKIPLIST_NODE_BASE + 32 * ZSKIPLIST_LEVEL;
    /** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
    private static final int EMBSTR_LIMIT = 44;
    /** A quicklist node's listpack holds up to 8 kB at the default list-max-listpack-size of -2. */
    private static final int QUICKLIST_NODE_BYTES = 8192;
    private static final int LISTPACK_HEADER = 6 + 1;

    private MemoryUsage() {
    }

    /** jemalloc's size class for an allocation of {@code n} bytes (zmalloc_size). */
    public static long alloc(long n) {
        if (n <= 8) {
            return 8;
        }
        if (n <= 16) {
            return 16;
        }
        if (n <= 32) {
            return 32;
        }
        if (n <= 64) {
            return (n + 15) & ~15L;
        }
        if (n > 4L * 1024 * 1024) {
            // Huge allocations come in pages.
            return (n + 4095) & ~4095L;
        }
        // Four classes per doubling: 80, 96, 112, 128, 160, 192, 224, 256, 320, ...
        long step = Long.highestOneBit(n - 1) >> 2;
        return (n + step - 1) & -step;
    }

    /** sdsZmallocSize of an sds string of {@code len} bytes created at its exact length. */
    public static long sds(int len) {
        return alloc(sdsHeader(len) + len + 1L);
    }

    private static int sdsHeader(int len) {
        if (len < 32) {
            return 1;
        }
        if (len < 256) {
            return 3;
        }
        if (len < 65536) {
            return 5;
        }
        return 9;
    }

    /** What the key of a database entry takes: its sds and its dictEntry (MEMORY USAGE adds both). */
    public static long keyOverhead(byte[] key) {
        return sds(key.length) + DICT_ENTRY;
    }

    /**
     * Redis's objectComputeSize: the value's size, exact for strings and compact encodings,
     * for hash tables and skip lists the table plus {@code samples} elements' average times
     * the element count ({@code samples} at most {@code Integer.MAX_VALUE}: all of them).
     */
    public static long valueSize(RedisValue v, int samples) {
        return valueSize(v, samples, Integer.MAX_VALUE);
    }

    /**
     * The value's share of used_memory, re-measured on every write to its key: as {@link
     * #valueSize} with the default samples, but compact encodings (listpacks, intsets, up to
     * hundreds of entries) are measured from their first {@value #DATASET_COMPACT_SAMPLES}
     * entries too, so a write to a collection of any size costs the same.
     */
    public static long datasetSize(RedisValue v) {
        return valueSize(v, DEFAULT_SAMPLES, DATASET_COMPACT_SAMPLES);
    }

    /** Entries of a compact encoding {@link #datasetSize} looks at. */
    private static final int DATASET_COMPACT_SAMPLES = 32;

    /** {@code compact}: at most this many entries of a compact encoding, or of a list, are looked at. */
    private static long valueSize(RedisValue v, int samples, int compact) {
        if (samples < 1) {
            samples = 1;
        }
        if (v instanceof RedisString) {
            return stringSize((RedisString) v);
        }
        if (v instanceof RedisList) {
            return listSize((RedisList) v, samples, compact);
        }
        if (v instanceof RedisSet) {
            return setSize((RedisSet) v, samples, compact);
        }
        if (v instanceof RedisSortedSet) {
            return zsetSize((RedisSortedSet) v, samples, compact);
        }
        if (v instanceof RedisHash) {
            return hashSize((RedisHash) v, samples, compact);
        }
        if (v instanceof io.pyredis.storage.internal.StreamValue st) {
            return streamSize(st, samples);
        }
        // A plugin's type: Redis asks the module's mem_usage callback, and counts the robj without one.
        return ROBJ;
    }

    /** sizeof(stream), sizeof(streamCG), sizeof(streamNACK), sizeof(streamConsumer) in Redis 7.0. */
    private static final int STREAM = 80;
    private static final int STREAM_CG = 40;
    private static final int STREAM_NACK = 24;
    private static final int STREAM_CONSUMER = 24;
    /** STREAM_LISTPACK_MAX_PRE_ALLOCATE: what a new node's listpack is given at first. */
    private static final int STREAM_PREALLOC = 4096;

    /**
     * objectComputeSize for a stream: the first {@code samples} nodes' allocations, their
     * average for the others but the last, the last one's; the groups' PELs and consumers.
     * A rax's inner node count, which pyredis does not have, is estimated
     * ({@link io.pyredis.api.RedisStream#radixTreeNodes}).
     */
    private static long streamSize(io.pyredis.storage.internal.StreamValue s, int samples) {
        long size = ROBJ + STREAM + raxSize(s.nodes());
        var nodes = s.nodeMap();
        long lp = 0;
        int n = 0;
        for (var node : nodes.values()) {
            if (n >= samples) {
                break;
            }
            lp += alloc(node.size());
            n++;
        }
        long last = nodes.isEmpty() ? 0 : Math.max(STREAM_PREALLOC, alloc(nodes.lastEntry().getValue().size()));
        if (nodes.size() <= n) {
            size += lp - (n == 0 ? 0 : alloc(nodes.lastEntry().getValue().size())) + last;
        } else {
            size += (lp / n) * (nodes.size() - 1) + last;
        }
        if (s.hasGroups()) {
            for (var g : s.groups().values()) {
                size += STREAM_CG + raxSize(g.pel.size()) + (long) STREAM_NACK * g.pel.size();
                for (var c : g.consumers.values()) {
                    size += STREAM_CONSUMER + c.name.length + raxSize(c.pel.size());
                }
            }
        }
        return size;
    }

    /** streamRadixTreeMemoryUsage of a rax of {@code keys} stream IDs. */
    private static long raxSize(long keys) {
        return keys * 16 + io.pyredis.api.RedisStream.radixTreeNodes(keys) * (4 + 8 * 30);
    }

    private static long stringSize(RedisString s) {
        if (s instanceof GrowableString g) {
            // An sds with free space: Redis counts its whole allocation. No bytes() here, it may copy.
            return ROBJ + sds(g.capacity());
        }
        byte[] b = s.bytes();
        // RedisString.encoding's test without its parse into a String: this runs on every write.
        if (isInteger(b)) {
            return ROBJ;
        }
        if (b.length <= EMBSTR_LIMIT) {
            return alloc(ROBJ + 3L + b.length + 1);
        }
        return ROBJ + sds(b.length);
    }

    private static long listSize(RedisList l, int samples, int compact) {
        int n = l.size();
        long base = ROBJ + QUICKLIST;
        if (n == 0) {
            return base;
        }
        // Redis samples quicklist nodes; here the elements of the first nodes stand for them.
        int take = (int) Math.min(Math.min(n, (long) samples * 128), compact);
        long bytes = 0;
        for (int i = 0; i < take; i++) {
            bytes += listpackEntry(l.get(i));
        }
        double perElement = (double) bytes / take;
        double total = perElement * n;
        long nodes = Math.max(1, (long) Math.ceil(total / QUICKLIST_NODE_BYTES));
        double perNode = total / nodes + LISTPACK_HEADER;
        return base + (long) (nodes * (QUICKLIST_NODE + alloc((long) Math.ceil(perNode))));
    }

    private static long setSize(RedisSet s, int samples, int compact) {
        int n = s.size();
        String enc = s.encoding();
        if ("intset".equals(enc)) {
            // An intset is sorted: its ends are the widest members.
            int width = n == 0 ? 2 : Math.max(intWidth(s.memberAt(0)), intWidth(s.memberAt(n - 1)));
            return ROBJ + alloc(8L + (long) width * n);
        }
        // Redis 7.0 has no listpack sets: a small set of strings is the hash table 7.0 would hold.
        long size = ROBJ + DICT + (long) POINTER * slots(n);
        int take = Math.min(n, samples);
        if (take > 0) {
            long ele = 0;
            for (int i = 0; i < take; i++) {
                ele += DICT_ENTRY + sds(s.memberAt(i).length);
            }
            size += (long) ((double) ele / take * n);
        }
        return size;
    }

    private static long zsetSize(RedisSortedSet z, int samples, int compact) {
        int n = z.size();
        if ("listpack".equals(z.encoding())) {
            int m = Math.min(n, compact);
            long bytes = 0;
            for (int i = 0; i < m; i++) {
                bytes += listpackEntry(z.memberAt(i)) + listpackEntry(scoreText(z.scoreAt(i)));
            }
            return ROBJ + alloc(LISTPACK_HEADER + scaled(bytes, m, n));
        }
        long size = ROBJ + ZSET + ZSKIPLIST + DICT + (long) POINTER * slots(n) + alloc(ZSKIPLIST_HEADER);
        int take = Math.min(n, samples);
        if (take > 0) {
            long ele = 0;
            for (int i = 0; i < take; i++) {
                ele += sds(z.memberAt(i).length) + DICT_ENTRY + alloc(ZSKIPLIST_NODE_BASE + ZSKIPLIST_LEVEL);
            }
            size += (long) ((double) ele / take * n);
        }
        return size;
    }

    private static long hashSize(RedisHash h, int samples, int compact) {
        int n = h.size();
        if ("listpack".equals(h.encoding())) {
            int m = Math.min(n, compact);
            long bytes = 0;
            for (int i = 0; i < m; i++) {
                bytes += listpackEntry(h.fieldAt(i)) + listpackEntry(h.valueAt(i));
            }
            return ROBJ + alloc(LISTPACK_HEADER + scaled(bytes, m, n));
        }
        long size = ROBJ + DICT + (long) POINTER * slots(n);
        int take = Math.min(n, samples);
        if (take > 0) {
            long ele = 0;
            for (int i = 0; i < take; i++) {
                ele += sds(h.fieldAt(i).length) + sds(h.valueAt(i).length) + DICT_ENTRY;
            }
            size += (long) ((double) ele / take * n);
        }
        return size;
    }

    /** {@code bytes} of {@code m} entries scaled to {@code n}. */
    private static long scaled(long bytes, int m, int n) {
        return m == n ? bytes : (long) ((double) bytes / m * n);
    }

    /** A dict's bucket count for {@code n} elements: the power of two at or above it, at least 4. */
    static long slots(long n) {
        if (n <= 4) {
            return n == 0 ? 0 : 4;
        }
        return Long.highestOneBit(n - 1) << 1;
    }

    /** Bytes of one listpack entry: an integer's compact encoding or a string's, plus its back length. */
    static int listpackEntry(byte[] e) {
        int enc;
        if (isInteger(e)) {
            long v = Numbers.parseLong(e);
            if (v >= 0 && v <= 127) {
                enc = 1;
            } else if (v >= -4096 && v <= 4095) {
                enc = 2;
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                enc = 3;
            } else if (v >= -(1 << 23) && v < (1 << 23)) {
                enc = 4;
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                enc = 5;
            } else {
                enc = 9;
            }
        } else if (e.length < 64) {
            enc = 1 + e.length;
        } else if (e.length < 4096) {
            enc = 2 + e.length;
        } else {
            enc = 5 + e.length;
        }
        int back = enc < 128 ? 1 : enc < 16384 ? 2 : enc < 2097152 ? 3 : enc < 268435456 ? 4 : 5;
        return enc + back;
    }

    private static int intWidth(byte[] e) {
        long v = Numbers.parseLong(e);
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return 2;
        }
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? 4 : 8;
    }

    private static byte[] scoreText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return Double.toString(d).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether a listpack or intset would store {@code e} as an integer (Redis's string2ll). */
    private static boolean isInteger(byte[] e) {
        int n = e.length;
        if (n == 0 || n > 20) {
            return false;
        }
        // Most values are not numbers: a look at both ends spares the parse (which throws to say no).
        byte first = e[0];
        byte last = e[n - 1];
        if ((first != '-' && (first < '0' || first > '9')) || last < '0' || last > '9') {
            return false;
        }
        return Numbers.isCanonicalLong(e);
    }
}
