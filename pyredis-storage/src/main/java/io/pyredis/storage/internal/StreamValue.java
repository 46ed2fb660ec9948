package io.pyredis.storage.internal;

import io.pyredis.api.RedisStream;
import io.pyredis.api.RedisValue;
import io.pyredis.api.StreamId;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A stream kept as Redis keeps it (t_stream.c): an ordered map of nodes, each a listpack
 * in Redis's own bytes, keyed by its master entry's ID. A node starts with the master
 * entry ({@code count, deleted, num-fields, field..., 0}); each entry is
 * {@code flags, ms-delta, seq-delta, [num-fields, field, value ... | value ...], lp-count},
 * the fields left out when they are the master's (SAMEFIELDS). Deleting marks the flags,
 * as Redis does, so the nodes are byte for byte what Redis saves in RDB and DUMP.
 */
public final class StreamValue implements RedisStream {

    static final int FLAG_DELETED = 1;
    static final int FLAG_SAMEFIELDS = 2;
    /** STREAM_LISTPACK_MAX_SIZE: no node grows past 1 GB. */
    public static final long LISTPACK_MAX_SIZE = 1L << 30;

    private final TreeMap<StreamId, Node> nodes = new TreeMap<>();
    private long length;
    private StreamId lastId = StreamId.MIN;
    private StreamId firstId = StreamId.MIN;
    private StreamId maxDeletedId = StreamId.MIN;
    private long entriesAdded;
    private NavigableMap<byte[], Group> groups;

    /** One node: a listpack of {@code size} bytes (end byte included) at the start of {@code lp}. */
    public static final class Node {
        byte[] lp;
        int size;
        long numele;

        Node(int capacity) {
            lp = new byte[Math.max(capacity, Lp.HEADER_SIZE + 1)];
            size = Lp.HEADER_SIZE + 1;
            lp[Lp.HEADER_SIZE] = (byte) Lp.EOF;
            Lp.writeHeader(lp, size, 0);
        }

        Node(byte[] bytes, long numele) {
            this.lp = bytes;
            this.size = bytes.length;
            this.numele = numele;
        }

        /** The listpack's bytes (lpBytes). */
        public int size() {
            return size;
        }

        /** A copy of the listpack's bytes, as RDB saves them. */
        public byte[] bytes() {
            return Arrays.copyOf(lp, size);
        }

        private void room(int n) {
            if (size + n > lp.length) {
                lp = Arrays.copyOf(lp, Math.max(lp.length * 2, size + n));
            }
        }

        void appendInt(long v) {
            room(Lp.intSize(v));
            int p = Lp.writeInt(v, lp, size - 1);
            lp[p] = (byte) Lp.EOF;
            size = p + 1;
            numele++;
        }

        void appendString(byte[] e) {
            room(Lp.stringSize(e));
            int p = Lp.writeString(e, lp, size - 1);
            lp[p] = (byte) Lp.EOF;
            size = p + 1;
            numele++;
        }

        void header() {
            Lp.writeHeader(lp, size, numele);
        }

        /** lpReplaceInteger: the entry at {@code p} becomes {@code v}, the rest moved when its size changes. */
        void replaceInt(int p, long v) {
            int old = Lp.next(lp, p) - p;
            int now = Lp.intSize(v);
            if (now != old) {
                room(now - old);
                System.arraycopy(lp, p + old, lp, p + now, size - (p + old));
                size += now - old;
            }
            Lp.writeInt(v, lp, p);
            header();
        }

        void shrink() {
            if (lp.length != size) {
                lp = Arrays.copyOf(lp, size);
            }
        }

        boolean end(int p) {
            return p >= size - 1;
        }

        /** Live entries (the master entry's count). */
        long count() {
            return Lp.getInt(lp, Lp.HEADER_SIZE);
        }

        long deleted() {
            return Lp.getInt(lp, Lp.next(lp, Lp.HEADER_SIZE));
        }

        int masterFieldCountPos() {
            return Lp.next(lp, Lp.next(lp, Lp.HEADER_SIZE));
        }

        /** The position of the first entry's flags, after the master entry. */
        int entriesStart() {
            int p = masterFieldCountPos();
            long n = Lp.getInt(lp, p);
            p = Lp.next(lp, p);
            for (long i = 0; i < n; i++) {
                p = Lp.next(lp, p);
            }
            return Lp.next(lp, p);
        }

        /** The position after the entry whose flags are at {@code p}; {@code mfc} is the master field count. */
        int skipEntry(int p, long mfc) {
            long flags = Lp.getInt(lp, p);
            p = Lp.next(lp, p);
            p = Lp.next(lp, p);
            p = Lp.next(lp, p);
            long skip;
            if ((flags & FLAG_SAMEFIELDS) != 0) {
                skip = mfc;
            } else {
                skip = Lp.getInt(lp, p) * 2;
                p = Lp.next(lp, p);
            }
            for (long i = 0; i < skip; i++) {
                p = Lp.next(lp, p);
            }
            return Lp.next(lp, p);
        }

        StreamId idAt(StreamId master, int p) {
            p = Lp.next(lp, p);
            long ms = master.ms() + Lp.getInt(lp, p);
            p = Lp.next(lp, p);
            return new StreamId(ms, master.seq() + Lp.getInt(lp, p));
        }

        Entry decode(StreamId id, int p, long mfc) {
            long flags = Lp.getInt(lp, p);
            p = Lp.next(lp, p);
            p = Lp.next(lp, p);
            p = Lp.next(lp, p);
            byte[][] fv;
            if ((flags & FLAG_SAMEFIELDS) != 0) {
                fv = new byte[(int) mfc * 2][];
                int f = Lp.next(lp, masterFieldCountPos());
                for (int i = 0; i < mfc; i++) {
                    fv[2 * i] = Lp.getBytes(lp, f);
                    f = Lp.next(lp, f);
                    fv[2 * i + 1] = Lp.getBytes(lp, p);
                    p = Lp.next(lp, p);
                }
            } else {
                int n = (int) Lp.getInt(lp, p);
                p = Lp.next(lp, p);
                fv = new byte[n * 2][];
                for (int i = 0; i < n * 2; i++) {
                    fv[i] = Lp.getBytes(lp, p);
                    p = Lp.next(lp, p);
                }
            }
            return new Entry(id, fv);
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public StreamId lastId() {
        return lastId;
    }

    @Override
    public void lastId(StreamId id) {
        lastId = id;
    }

    @Override
    public StreamId firstId() {
        return firstId;
    }

    @Override
    public StreamId maxDeletedId() {
        return maxDeletedId;
    }

    @Override
    public void maxDeletedId(StreamId id) {
        maxDeletedId = id;
    }

    @Override
    public long entriesAdded() {
        return entriesAdded;
    }

    @Override
    public void entriesAdded(long n) {
        entriesAdded = n;
    }

    @Override
    public long nodes() {
        return nodes.size();
    }

    /** The nodes in order, for RDB. */
    public NavigableMap<StreamId, Node> nodeMap() {
        return java.util.Collections.unmodifiableNavigableMap(nodes);
    }

    @Override
    public NavigableMap<byte[], Group> groups() {
        if (groups == null) {
            groups = RedisStream.newNameMap();
        }
        return groups;
    }

    /** Whether any group exists, without creating the map. */
    public boolean hasGroups() {
        return groups != null && !groups.isEmpty();
    }

    @Override
    public void append(StreamId id, byte[][] args, int from, int pairs, long maxBytes, long maxEntries) {
        long totelelen = 0;
        for (int i = 0; i < pairs * 2; i++) {
            totelelen += args[from + i].length;
        }
        Map.Entry<StreamId, Node> tail = nodes.lastEntry();
        Node node = tail == null ? null : tail.getValue();
        StreamId master = tail == null ? null : tail.getKey();
        if (node != null) {
            long nodeMax = maxBytes == 0 || maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : maxBytes;
            boolean fresh = node.size + totelelen >= nodeMax
                    || (maxEntries != 0 && node.count() + node.deleted() >= maxEntries);
            if (fresh) {
                node.shrink();
                node = null;
            }
        }
        int flags = 0;
        if (node == null) {
            master = id;
            node = new Node((int) Math.min(256, 16 + totelelen * 2));
            node.appendInt(1);
            node.appendInt(0);
            node.appendInt(pairs);
            for (int i = 0; i < pairs; i++) {
                node.appendString(args[from + 2 * i]);
            }
            node.appendInt(0);
            nodes.put(id, node);
            flags = FLAG_SAMEFIELDS;
        } else {
            node.replaceInt(Lp.HEADER_SIZE, node.count() + 1);
            int p = node.masterFieldCountPos();
            long mfc = Lp.getInt(node.lp, p);
            if (mfc == pairs) {
                p = Lp.next(node.lp, p);
                int i = 0;
                for (; i < pairs; i++) {
                    if (!Lp.equalsBytes(node.lp, p, args[from + 2 * i])) {
                        break;
                    }
                    p = Lp.next(node.lp, p);
                }
                if (i == pairs) {
                    flags = FLAG_SAMEFIELDS;
                }
            }
        }
        boolean same = flags == FLAG_SAMEFIELDS;
        node.appendInt(flags);
        node.appendInt(id.ms() - master.ms());
        node.appendInt(id.seq() - master.seq());
        if (!same) {
            node.appendInt(pairs);
        }
        for (int i = 0; i < pairs; i++) {
            if (!same) {
                node.appendString(args[from + 2 * i]);
            }
            node.appendString(args[from + 2 * i + 1]);
        }
        node.appendInt(pairs + 3 + (same ? 0 : pairs + 1));
        node.header();
        length++;
        entriesAdded++;
        lastId = id;
        if (length == 1) {
            firstId = id;
        }
    }

    @Override
    public Iterator<Entry> range(StreamId start, StreamId end, boolean reverse) {
        return reverse ? new Backward(start, end) : new Forward(start, end);
    }

    /** An iteration over live entries: {@link #advance} finds the next one, null at the end. */
    private abstract static class Cursor implements Iterator<Entry> {
        private Entry next;
        private boolean done;

        abstract Entry advance();

        @Override
        public final boolean hasNext() {
            if (next == null && !done) {
                next = advance();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public final Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Entry e = next;
            next = null;
            return e;
        }
    }

    /** Forward iteration, as streamIteratorGetID: from the node at or before {@code start}. */
    private final class Forward extends Cursor {
        private final StreamId start;
        private final StreamId end;
        private Map.Entry<StreamId, Node> node;
        private int p;
        private long mfc;

        Forward(StreamId start, StreamId end) {
            this.start = start;
            this.end = end;
            node = start.isZero() ? null : nodes.floorEntry(start);
            if (node == null) {
                node = nodes.firstEntry();
            }
            if (node != null) {
                enter();
            }
        }

        private void enter() {
            Node n = node.getValue();
            p = n.entriesStart();
            mfc = Lp.getInt(n.lp, n.masterFieldCountPos());
        }

        @Override
        Entry advance() {
            while (node != null) {
                Node n = node.getValue();
                if (n.end(p)) {
                    node = nodes.higherEntry(node.getKey());
                    if (node != null) {
                        enter();
                    }
                    continue;
                }
                int at = p;
                p = n.skipEntry(at, mfc);
                StreamId id = n.idAt(node.getKey(), at);
                if (id.compareTo(start) >= 0 && (Lp.getInt(n.lp, at) & FLAG_DELETED) == 0) {
                    return id.compareTo(end) > 0 ? null : n.decode(id, at, mfc);
                }
            }
            return null;
        }
    }

    /** Backward iteration: each node's entry positions found forwards, then walked back. */
    private final class Backward extends Cursor {
        private final StreamId start;
        private final StreamId end;
        private Map.Entry<StreamId, Node> node;
        private int[] positions = new int[16];
        private int index;
        private long mfc;

        Backward(StreamId start, StreamId end) {
            this.start = start;
            this.end = end;
            node = nodes.floorEntry(end);
            if (node != null) {
                enter();
            }
        }

        private void enter() {
            Node n = node.getValue();
            mfc = Lp.getInt(n.lp, n.masterFieldCountPos());
            int count = 0;
            for (int p = n.entriesStart(); !n.end(p); p = n.skipEntry(p, mfc)) {
                if (count == positions.length) {
                    positions = Arrays.copyOf(positions, count * 2);
                }
                positions[count++] = p;
            }
            index = count;
        }

        @Override
        Entry advance() {
            while (node != null) {
                if (index == 0) {
                    node = nodes.lowerEntry(node.getKey());
                    if (node != null) {
                        enter();
                    }
                    continue;
                }
                Node n = node.getValue();
                int at = positions[--index];
                StreamId id = n.idAt(node.getKey(), at);
                if (id.compareTo(end) <= 0 && (Lp.getInt(n.lp, at) & FLAG_DELETED) == 0) {
                    return id.compareTo(start) < 0 ? null : n.decode(id, at, mfc);
                }
            }
            return null;
        }
    }

    @Override
    public boolean delete(StreamId id) {
        Map.Entry<StreamId, Node> e = nodes.floorEntry(id);
        if (e == null) {
            return false;
        }
        Node n = e.getValue();
        long mfc = Lp.getInt(n.lp, n.masterFieldCountPos());
        for (int p = n.entriesStart(); !n.end(p); p = n.skipEntry(p, mfc)) {
            StreamId at = n.idAt(e.getKey(), p);
            int c = at.compareTo(id);
            if (c > 0) {
                return false;
            }
            long flags = Lp.getInt(n.lp, p);
            if (c == 0 && (flags & FLAG_DELETED) == 0) {
                n.replaceInt(p, flags | FLAG_DELETED);
                long count = n.count();
                if (count == 1) {
                    nodes.remove(e.getKey());
                } else {
                    n.replaceInt(Lp.HEADER_SIZE, count - 1);
                    n.replaceInt(Lp.next(n.lp, Lp.HEADER_SIZE), n.deleted() + 1);
                }
                length--;
                if (id.equals(firstId)) {
                    firstId = length == 0 ? StreamId.MIN : firstLive();
                }
                return true;
            }
        }
        return false;
    }

    private StreamId firstLive() {
        Iterator<Entry> it = range(StreamId.MIN, StreamId.MAX, false);
        return it.hasNext() ? it.next().id() : StreamId.MAX;
    }

    @Override
    public long trim(long maxLen, StreamId minId, boolean approx, long limit) {
        boolean byLength = minId == null;
        long deleted = 0;
        Map.Entry<StreamId, Node> e = nodes.firstEntry();
        while (e != null) {
            if (byLength && length <= maxLen) {
                break;
            }
            Node n = e.getValue();
            long entries = n.count();
            if (limit != 0 && deleted + entries > limit) {
                break;
            }
            long mfc = Lp.getInt(n.lp, n.masterFieldCountPos());
            boolean removeNode;
            if (byLength) {
                removeNode = length - entries >= maxLen;
            } else {
                StreamId last = null;
                for (int p = n.entriesStart(); !n.end(p); p = n.skipEntry(p, mfc)) {
                    last = n.idAt(e.getKey(), p);
                }
                removeNode = last != null && last.compareTo(minId) < 0;
            }
            if (removeNode) {
                nodes.remove(e.getKey());
                length -= entries;
                deleted += entries;
                e = nodes.higherEntry(e.getKey());
                continue;
            }
            if (approx) {
                break;
            }
            long fromNode = 0;
            for (int p = n.entriesStart(); !n.end(p); ) {
                long flags = Lp.getInt(n.lp, p);
                boolean stop = byLength ? length <= maxLen : n.idAt(e.getKey(), p).compareTo(minId) >= 0;
                if (stop) {
                    break;
                }
                int after = n.skipEntry(p, mfc);
                if ((flags & FLAG_DELETED) == 0) {
                    n.replaceInt(p, flags | FLAG_DELETED); // same size: flags are small integers
                    fromNode++;
                    length--;
                }
                p = after;
            }
            deleted += fromNode;
            n.replaceInt(Lp.HEADER_SIZE, entries - fromNode);
            int dp = Lp.next(n.lp, Lp.HEADER_SIZE);
            n.replaceInt(dp, Lp.getInt(n.lp, dp) + fromNode);
            break;
        }
        if (length == 0) {
            firstId = StreamId.MIN;
        } else if (deleted > 0) {
            firstId = firstLive();
        }
        return deleted;
    }

    @Override
    public RedisValue copy() {
        StreamValue c = new StreamValue();
        for (Map.Entry<StreamId, Node> e : nodes.entrySet()) {
            Node n = e.getValue();
            c.nodes.put(e.getKey(), new Node(n.bytes(), n.numele));
        }
        c.length = length;
        c.lastId = lastId;
        c.firstId = firstId;
        c.maxDeletedId = maxDeletedId;
        c.entriesAdded = entriesAdded;
        if (hasGroups()) {
            for (Map.Entry<byte[], Group> ge : groups.entrySet()) {
                Group g = ge.getValue();
                Group cg = new Group(g.lastId, g.entriesRead);
                Map<Nack, Nack> copies = new IdentityHashMap<>();
                for (Consumer k : g.consumers.values()) {
                    Consumer ck = new Consumer(k.name, k.seenTime);
                    cg.consumers.put(k.name, ck);
                    for (Map.Entry<StreamId, Nack> ne : k.pel.entrySet()) {
                        Nack na = ne.getValue();
                        Nack cn = new Nack(ck, na.deliveryTime, na.deliveryCount);
                        copies.put(na, cn);
                        ck.pel.put(ne.getKey(), cn);
                    }
                }
                for (Map.Entry<StreamId, Nack> ne : g.pel.entrySet()) {
                    Nack cn = copies.get(ne.getValue());
                    cg.pel.put(ne.getKey(), cn != null ? cn
                            : new Nack(null, ne.getValue().deliveryTime, ne.getValue().deliveryCount));
                }
                c.groups().put(ge.getKey(), cg);
            }
        }
        return c;
    }

    // ------------------------------------------------------------ loading

    /**
     * Adds a node loaded from RDB or RESTORE after checking it as Redis's
     * streamValidateListpackIntegrity does in deep mode (and a little more: counts and
     * field numbers not negative); the reason when it is refused, else null.
     */
    public String loadNode(StreamId master, byte[] lp) {
        String why = validate(lp);
        if (why != null) {
            return why;
        }
        if (nodes.containsKey(master)) {
            return "Listpack re-added with existing key";
        }
        int count = 0;
        for (int p = Lp.HEADER_SIZE; p < lp.length - 1; p = Lp.next(lp, p)) {
            count++;
        }
        nodes.put(master, new Node(lp, count));
        return null;
    }

    /** Sets the counters read from RDB. */
    public void loaded(long length, StreamId lastId, StreamId firstId, StreamId maxDeletedId, long entriesAdded) {
        this.length = length;
        this.lastId = lastId;
        this.firstId = firstId == null ? (nodes.isEmpty() ? StreamId.MAX : firstLive()) : firstId;
        this.maxDeletedId = maxDeletedId;
        this.entriesAdded = entriesAdded;
    }

    /** A cursor over a listpack being validated: each step checks the entry fits. */
    private static final class Check {
        final byte[] lp;
        int p = Lp.HEADER_SIZE;

        Check(byte[] lp) {
            this.lp = lp;
        }

        boolean more() {
            return p < lp.length - 1;
        }

        /** Validates the entry at p and moves past it; false when it does not fit. */
        boolean step() {
            int end = lp.length - 1;
            if (p >= end) {
                return false;
            }
            int b = lp[p] & 0xff;
            if ((b & 0xF0) == 0xE0 && p + 1 >= end) {
                return false;
            }
            if (b == 0xF0 && p + 5 > end) {
                return false;
            }
            long enc = Lp.encodedLength(lp, p);
            if (enc < 0 || enc > end - p) {
                return false;
            }
            int bl = Lp.backlenSize((int) enc);
            if (p + enc + bl > end) {
                return false;
            }
            int q = (int) (p + enc + bl - 1);
            long v = 0;
            int shift = 0;
            while (true) {
                v |= (long) (lp[q] & 127) << shift;
                if ((lp[q] & 128) == 0) {
                    break;
                }
                shift += 7;
                q--;
                if (shift > 28 || q < p) {
                    return false;
                }
            }
            if (v != enc) {
                return false;
            }
            p = (int) (p + enc + bl);
            return true;
        }

        /** The integer at p, or null when it is not one (and moves past it). */
        Long integer() {
            if (!more()) {
                return null;
            }
            int at = p;
            if (!step()) {
                return null;
            }
            if (Lp.isInt(lp, at)) {
                return Lp.getInt(lp, at);
            }
            byte[] s = Lp.getBytes(lp, at);
            if (s.length == 0 || s.length > 20 || !io.pyredis.support.Numbers.isCanonicalLong(s)) {
                return null;
            }
            return io.pyredis.support.Numbers.parseLong(s);
        }
    }

    private static String validate(byte[] lp) {
        if (lp.length < Lp.HEADER_SIZE + 1 || Lp.u32(lp, 0) != lp.length || (lp[lp.length - 1] & 0xff) != Lp.EOF) {
            return "Stream listpack integrity check failed.";
        }
        Check c = new Check(lp);
        if (!c.more()) {
            return "Empty listpack inside stream";
        }
        Long count = c.integer();
        Long deleted = c.integer();
        Long mf = c.integer();
        if (count == null || deleted == null || mf == null || count < 0 || deleted < 0 || mf < 0) {
            return "Stream listpack integrity check failed.";
        }
        for (long j = 0; j < mf; j++) {
            if (!c.step()) {
                return "Stream listpack integrity check failed.";
            }
        }
        Long zero = c.integer();
        if (zero == null || zero != 0) {
            return "Stream listpack integrity check failed.";
        }
        long entries = count + deleted;
        if (entries < 0) {
            return "Stream listpack integrity check failed.";
        }
        while (entries-- > 0) {
            Long flags = c.integer();
            Long msd = c.integer();
            Long seqd = c.integer();
            if (flags == null || msd == null || seqd == null) {
                return "Stream listpack integrity check failed.";
            }
            long fields = mf;
            long extra = 3;
            if ((flags & FLAG_SAMEFIELDS) == 0) {
                Long nf = c.integer();
                if (nf == null || nf < 0 || nf > lp.length) {
                    return "Stream listpack integrity check failed.";
                }
                fields = nf;
                for (long j = 0; j < fields; j++) {
                    if (!c.step()) {
                        return "Stream listpack integrity check failed.";
                    }
                }
                extra += fields + 1;
            }
            for (long j = 0; j < fields; j++) {
                if (!c.step()) {
                    return "Stream listpack integrity check failed.";
                }
            }
            Long lpCount = c.integer();
            if (lpCount == null || lpCount != fields + extra) {
                return "Stream listpack integrity check failed.";
            }
        }
        if (c.more()) {
            return "Stream listpack integrity check failed.";
        }
        return null;
    }
}
