package io.pyredis.api;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A stream value: entries of field-value pairs in ID order, and its consumer groups.
 *
 * <p>Made by {@link Database#createStream()}; storage keeps the entries compactly (as
 * Redis's radix tree of listpacks). The stream's counters (last ID, entries added, max
 * deleted ID, first ID) are kept as Redis keeps them; the commands decide what they mean.
 * After changing a stored stream a command calls {@link Database#modified(byte[])}. An
 * empty stream is kept, unlike empty collections.
 *
 * @since 0.1
 */
public interface RedisStream extends RedisValue {

    @Override
    default DataType type() {
        return DataType.STREAM;
    }

    @Override
    default String encoding() {
        return "stream";
    }

    /** One entry: its ID and its fields and values, alternating. */
    record Entry(StreamId id, byte[][] fieldsAndValues) {
    }

    /** The number of entries (deleted ones not counted). */
    long length();

    /** The ID of the last entry ever added (or set by XSETID). */
    StreamId lastId();

    /** Sets the last ID, as XSETID does. */
    void lastId(StreamId id);

    /** The recorded first ID: the first live entry's, {@code 0-0} when empty. */
    StreamId firstId();

    /** The greatest ID ever deleted ({@code 0-0} when none). */
    StreamId maxDeletedId();

    /** Sets the greatest deleted ID. */
    void maxDeletedId(StreamId id);

    /** How many entries were ever added. */
    long entriesAdded();

    /** Sets the entries-added counter. */
    void entriesAdded(long n);

    /**
     * Appends an entry with {@code id}, greater than {@link #lastId()} (the caller checks),
     * with the {@code pairs} field-value pairs of {@code args} from {@code from}. A new node
     * starts when the tail one has {@code maxBytes} bytes or {@code maxEntries} entries (0:
     * no limit), as {@code stream-node-max-bytes} and {@code -entries} say. Sets the last
     * ID and counts the entry as added.
     */
    void append(StreamId id, byte[][] args, int from, int pairs, long maxBytes, long maxEntries);

    /**
     * The live entries from {@code start} to {@code end}, both inclusive, forwards or
     * backwards ({@code reverse}). The stream must not change while it is used.
     */
    Iterator<Entry> range(StreamId start, StreamId end, boolean reverse);

    /** Deletes the entry {@code id}; whether it was there. Does not touch {@link #maxDeletedId()}. */
    boolean delete(StreamId id);

    /**
     * Trims from the head, as Redis's streamTrim: by length ({@code minId} null) to
     * {@code maxLen} entries, or by ID to no entry below {@code minId}; {@code approx}
     * removes whole nodes only; {@code limit} (0: none) caps the entries removed. Returns
     * how many were removed.
     */
    long trim(long maxLen, StreamId minId, boolean approx, long limit);

    /**
     * Redis's streamEstimateDistanceFromFirstEverEntry: the logical read counter of
     * {@code id} (how many entries were added up to it), or
     * {@link Group#INVALID_ENTRIES_READ} when the counters cannot tell (it lies between
     * the first and last entries, or after the last, or tombstones are in the way).
     */
    default long estimateDistance(StreamId id) {
        if (entriesAdded() == 0) {
            return 0;
        }
        if (length() == 0 && id.compareTo(lastId()) < 1) {
            return entriesAdded();
        }
        int cmpLast = id.compareTo(lastId());
        if (cmpLast == 0) {
            return entriesAdded();
        } else if (cmpLast > 0) {
            return Group.INVALID_ENTRIES_READ;
        }
        int cmpFirst = id.compareTo(firstId());
        if (maxDeletedId().isZero() || maxDeletedId().compareTo(firstId()) < 0) {
            if (cmpFirst < 0) {
                return entriesAdded() - length();
            } else if (cmpFirst == 0) {
                return entriesAdded() - length() + 1;
            }
        }
        return Group.INVALID_ENTRIES_READ;
    }

    /** The number of nodes (listpacks) the entries are kept in: XINFO's {@code radix-tree-keys}. */
    long nodes();

    /**
     * About how many nodes Redis's radix tree of {@code keys} stream IDs has (XINFO's
     * {@code radix-tree-nodes}, and MEMORY USAGE's share of it): pyredis keeps no rax. Fitted
     * to Redis 7.0.15 for IDs close together: a head and a leaf for one key, else about
     * two nodes per key and a branch every few keys.
     */
    static long radixTreeNodes(long keys) {
        return keys <= 1 ? keys + 1 : 2 + 2 * keys + (keys - 1) * 2 / 5;
    }

    /** The consumer groups, by name (unsigned byte order, as Redis's rax). Changed in place. */
    NavigableMap<byte[], Group> groups();

    /** Orders names as Redis's rax does: unsigned bytes. */
    java.util.Comparator<byte[]> NAME_ORDER = Arrays::compareUnsigned;

    /** A new empty name-ordered map. */
    static <V> NavigableMap<byte[], V> newNameMap() {
        return new TreeMap<>(NAME_ORDER);
    }

    /**
     * A consumer group (Redis's streamCG): its last delivered ID, its read counter, its
     * pending entries list and its consumers.
     */
    final class Group {
        /** The last delivered ID. */
        public StreamId lastId;
        /** The logical read counter; {@link #INVALID_ENTRIES_READ} when unknown. */
        public long entriesRead;
        /** Every pending entry of the group, by ID. */
        public final NavigableMap<StreamId, Nack> pel = new TreeMap<>();
        /** The consumers, by name. */
        public final NavigableMap<byte[], Consumer> consumers = newNameMap();

        /** SCG_INVALID_ENTRIES_READ. */
        public static final long INVALID_ENTRIES_READ = -1;

        public Group(StreamId lastId, long entriesRead) {
            this.lastId = lastId;
            this.entriesRead = entriesRead;
        }
    }

    /** A consumer of a group (Redis's streamConsumer). */
    final class Consumer {
        /** The name. */
        public final byte[] name;
        /** When it was last seen (unix ms). */
        public long seenTime;
        /** Its pending entries, by ID: the same {@link Nack}s as the group's. */
        public final NavigableMap<StreamId, Nack> pel = new TreeMap<>();

        public Consumer(byte[] name, long seenTime) {
            this.name = name;
            this.seenTime = seenTime;
        }
    }

    /** A pending entry (Redis's streamNACK): delivered, not acknowledged yet. */
    final class Nack {
        /** Last delivery time (unix ms). */
        public long deliveryTime;
        /** How many times it was delivered. */
        public long deliveryCount;
        /** Its owner. */
        public Consumer consumer;

        public Nack(Consumer consumer, long deliveryTime, long deliveryCount) {
            this.consumer = consumer;
            this.deliveryTime = deliveryTime;
            this.deliveryCount = deliveryCount;
        }
    }
}
